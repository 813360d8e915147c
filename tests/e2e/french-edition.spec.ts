import { expect, test } from './support/test';
import { FICTIONAL_SITE_URL } from './sites';

/**
 * The French edition as a francophone reader uses it: every page under /fr in French, the
 * English addresses unchanged, a language switch that always leads to a page, and English text
 * on a French page (a month not translated yet) marked as English, never translated on the fly.
 */

/** Pages that exist in both languages, by their English address. */
const PAGES = ['/', '/countries', '/crisiswatch', '/crisiswatch/2023-02', '/crisiswatch/verdicts', '/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02', '/about', '/search?q=army', '/subscribe'];

test('Mali in French: the page, its verdict and its text are French, and the document says so', async ({ page }) => {
  await page.goto('/fr/mali');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Mali' })).toBeVisible();
  await expect(page.getByText('Situation inchangée').first()).toBeVisible();
  await expect(page.getByText('Tendances de février 2023')).toBeVisible();
  await expect(page.getByText(/Bamako a expulsé le chef de la division des droits de l’homme/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lire la suite' })).toHaveAttribute('href', '/fr/mali/crisiswatch/2023-02');
  await expect(page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Pays' })).toHaveAttribute('href', '/fr/countries');
  // The profile and the entry are this site's translation; the quotes stay as published, in English, and say so.
  await expect(page.locator('main [lang="en"]').filter({ hasText: /Bamako a expulsé|Depuis 2012/ })).toHaveCount(0);
  await expect(page.locator('blockquote[lang="en"]')).toHaveCount(6);
});

test('each page names its address in both languages, and English as the default', async ({ page }) => {
  await page.goto('/fr/mali/crisiswatch/2023-02');
  const alternate = (lang: string) => page.locator(`link[rel="alternate"][hreflang="${lang}"]`);
  await expect(alternate('en')).toHaveAttribute('href', /\/mali\/crisiswatch\/2023-02$/);
  await expect(alternate('fr')).toHaveAttribute('href', /\/fr\/mali\/crisiswatch\/2023-02$/);
  await expect(alternate('x-default')).toHaveAttribute('href', /\/mali\/crisiswatch\/2023-02$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/fr\/mali\/crisiswatch\/2023-02$/);
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'fr_FR');
  await expect(page.locator('meta[property="og:locale:alternate"]')).toHaveAttribute('content', 'en_GB');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { inLanguage?: string };
  expect(jsonLd.inLanguage).toBe('fr');
});

test('the language switch leads from every page to the same page in the other language, never to a missing page', async ({ page, request }) => {
  for (const path of PAGES) {
    await page.goto(path);
    const toFrench = page.getByRole('link', { name: 'Lire cette page en français' });
    const french = await toFrench.getAttribute('href');
    expect(french, path).toBe(path === '/' ? '/fr' : `/fr${path}`);
    expect((await request.get(french!)).status(), french!).toBe(200);
    await page.goto(french!);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const back = await page.getByRole('link', { name: 'Read this page in English' }).getAttribute('href');
    expect(back, french!).toBe(path);
  }
});

test('English keeps its addresses: /en redirects to them, and an unknown French address is a French 404', async ({ request, page }) => {
  const redirected = await request.get('/en/mali', { maxRedirects: 0 });
  expect(redirected.status()).toBe(308);
  expect(redirected.headers().location).toMatch(/\/mali$/);
  // An address no page answers carries no language a page could be built in: the 404 says it in both.
  const missing = await page.goto('/fr/no-such-page');
  expect(missing?.status()).toBe(404);
  const french = page.locator('[lang="fr"]').filter({ has: page.getByRole('heading', { level: 1, name: 'Page introuvable' }) });
  await expect(french).toBeVisible();
  await expect(french.getByRole('link', { name: 'Voir tous les pays que nous suivons' })).toHaveAttribute('href', '/fr/countries');
});

test('a month without a French text shows the English entry, marked as English, beside the translated ones', async ({ page }) => {
  await page.goto(`${FICTIONAL_SITE_URL}/fr/freedonia/crisiswatch`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const translated = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'juin 2024' }) });
  await expect(translated.getByText('Le gouvernement fictif de ce pays de test a tenu des pourparlers')).toBeVisible();
  await expect(translated.locator('[lang="en"]')).toHaveCount(0);
  const untranslated = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'mai 2024' }) });
  const english = untranslated.locator('[lang="en"]');
  await expect(english).toContainText('The fictional');
  await expect(untranslated.getByText('Texte disponible en anglais')).toBeVisible();
  await page.goto(`${FICTIONAL_SITE_URL}/fr/freedonia/crisiswatch/2024-05`);
  await expect(page.locator('main [lang="en"]').first()).toBeVisible();
  await expect(page.getByText('Texte disponible en anglais')).toBeVisible();
  await expect(page.getByText('Situation améliorée').first()).toBeVisible();
});

test('the French feeds are French, and the English feeds keep their entry ids', async ({ request }) => {
  const french = await (await request.get('/fr/mali/feed.xml')).text();
  expect(french).toContain('xml:lang="fr"');
  expect(french).toContain('février 2023');
  const english = await (await request.get('/mali/feed.xml')).text();
  expect(english).toMatch(/<id>[^<]*\/mali\/crisiswatch\/2023-02<\/id>/);
});

test('French search finds another form of a word, with or without accents, and marks the word as the text has it', async ({ page }) => {
  // The French February 2023 says relations "se sont encore dégradées"; no text has "dégradation".
  for (const q of ['dégradation', 'degradation']) {
    const response = await page.goto(`/fr/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Mali, février 2023', exact: true }) });
    await expect(hit.locator('mark')).toHaveText(['dégradées']);
    await expect(hit.getByText('Texte en anglais')).toHaveCount(0);
  }
  // A bad parameter is explained in French.
  const bad = await page.goto('/fr/search?q=mali&page=0');
  expect(bad?.status()).toBe(400);
  await expect(page.locator('#search-page-error')).toHaveText('Les pages commencent à 1');
});
