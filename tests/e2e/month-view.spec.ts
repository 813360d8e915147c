import { expectNoAxeViolations, pageFor } from './support/axe';
import { expect, test, type Page } from './support/test';
import { FICTIONAL_SITE_URL } from './sites';
import { escapeRegExp } from './support/live-content';

/**
 * CrisisWatch month by month across countries, on the fictional site: Ruritania (every month from
 * January 2005), Freedonia (April to June 2024, and a draft July) and the four invented countries
 * of 2024 (tests/fixtures/fictional-tree.ts, writeMonthViewCountries). The groups below are worked
 * out by hand from the generators' rules, not by the code under test.
 */
const site = (path: string) => `${FICTIONAL_SITE_URL}${path}`;

type Row = { name: string; slug: string; verdict: string; alerts: string };
type ExpectedMonth = { month: string; label: string; groups: Record<string, string[]>; rows: Row[] };

const row = (name: string, verdict: string, alerts = 'None'): Row => ({ name, slug: name.toLowerCase(), verdict: `${verdict} Situation`, alerts });

/** April 2024: Freedonia's alert month, so every group has a country. */
const APRIL_2024: ExpectedMonth = {
  month: '2024-04',
  label: 'April 2024',
  groups: {
    'Conflict Risk Alerts': ['Freedonia'],
    'Resolution Opportunities': ['Veldovia'],
    'Deteriorated Situations': ['Freedonia', 'Tavdovia', 'Zandovia'],
    'Improved Situations': ['Ruritania', 'Veldovia'],
    'Unchanged Situations': ['Pelldovia'],
  },
  rows: [
    row('Freedonia', 'Deteriorated', 'Conflict Risk Alert'),
    row('Pelldovia', 'Unchanged'),
    row('Ruritania', 'Improved'),
    row('Tavdovia', 'Deteriorated'),
    row('Veldovia', 'Improved', 'Resolution Opportunity'),
    row('Zandovia', 'Deteriorated'),
  ],
};

/** December 2024, the latest month: what /crisiswatch and the home page lead with. */
const DECEMBER_2024: ExpectedMonth = {
  month: '2024-12',
  label: 'December 2024',
  groups: {
    'Conflict Risk Alerts': ['Zandovia'],
    'Resolution Opportunities': ['Veldovia'],
    'Deteriorated Situations': ['Tavdovia', 'Zandovia'],
    'Improved Situations': ['Ruritania', 'Veldovia'],
    'Unchanged Situations': ['Pelldovia'],
  },
  rows: [
    row('Pelldovia', 'Unchanged'),
    row('Ruritania', 'Improved'),
    row('Tavdovia', 'Deteriorated'),
    row('Veldovia', 'Improved', 'Resolution Opportunity'),
    row('Zandovia', 'Deteriorated', 'Conflict Risk Alert'),
  ],
};

/** January 2024: no alert at all, so two groups say so. */
const JANUARY_2024_GROUPS = {
  'Conflict Risk Alerts': [],
  'Resolution Opportunities': [],
  'Deteriorated Situations': ['Pelldovia', 'Tavdovia'],
  'Improved Situations': ['Zandovia'],
  'Unchanged Situations': ['Ruritania', 'Veldovia'],
};

/** Each group's heading, and the words the table uses for its verdict or alert. */
const IN_WORDS = {
  'Conflict Risk Alerts': 'Conflict Risk Alert',
  'Resolution Opportunities': 'Resolution Opportunity',
  'Deteriorated Situations': 'Deteriorated Situation',
  'Improved Situations': 'Improved Situation',
  'Unchanged Situations': 'Unchanged Situation',
};

/**
 * Each group section lists exactly the expected countries, each linked to its own entry for the
 * month; a group without a country has no section (the page says so in one line).
 */
async function expectGroups(page: Page, month: string, label: string, groups: Record<string, string[]>) {
  for (const [heading, names] of Object.entries(groups)) {
    const group = page.getByRole('region', { name: heading, exact: true });
    if (names.length === 0) {
      await expect(group).toHaveCount(0);
      continue;
    }
    await expect(group.getByRole('heading', { level: 2 })).toHaveText(heading);
    const links = group.getByRole('heading', { level: 3 }).getByRole('link');
    await expect(links).toHaveCount(names.length);
    for (const [index, name] of names.entries()) {
      await expect(links.nth(index)).toHaveAccessibleName(`${name}, ${label}`);
      await expect(links.nth(index)).toHaveAttribute('href', `/${name.toLowerCase()}/crisiswatch/${month}`);
    }
  }
}

/** The table's rows, as a reader reads them: country (a link to its entry), verdict in words, alerts in words. */
async function expectTable(page: Page, expected: ExpectedMonth) {
  const table = page.getByRole('table', { name: `CrisisWatch ${expected.label}: each country’s verdict and alerts` });
  await expect(table.getByRole('columnheader')).toHaveText(['Country', 'Verdict', 'Alerts']);
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(1 + expected.rows.length);
  for (const [index, { name, slug, verdict, alerts }] of expected.rows.entries()) {
    const tableRow = rows.nth(index + 1);
    await expect(tableRow.getByRole('rowheader')).toHaveText(name);
    await expect(tableRow.getByRole('cell').nth(0)).toHaveText(verdict);
    await expect(tableRow.getByRole('cell').nth(1)).toHaveText(alerts);
    await expect(tableRow.getByRole('rowheader').getByRole('link', { name, exact: true })).toHaveAttribute('href', `/${slug}/crisiswatch/${expected.month}`);
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a month across countries, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('groups a generated month as CrisisWatch does: alerts, then each verdict', async ({ page }) => {
      await page.goto(site('/crisiswatch/2024-04'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('CrisisWatch: April 2024');
      await expect(page).toHaveTitle(/^CrisisWatch: April 2024/);
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([...Object.keys(APRIL_2024.groups), 'Country by country']);
      await expectGroups(page, APRIL_2024.month, APRIL_2024.label, APRIL_2024.groups);
      // A country with an alert is shown with its verdict and alert in words, and its lead.
      const freedonia = page.getByRole('region', { name: 'Conflict Risk Alerts' }).getByRole('listitem').filter({ hasText: 'Freedonia' }).first();
      await expect(freedonia).toContainText('Deteriorated Situation');
      // Alerts look ahead: April's alert is the outlook for May.
      await expect(page.getByRole('region', { name: 'Conflict Risk Alerts' })).toContainText('Outlook for May 2024');
      await expect(freedonia.getByRole('list', { name: 'Outlook for May 2024' })).toContainText('Conflict Risk Alert');
      await expect(freedonia).toContainText('The fictional government of this test country held talks in 2024-04.');
      await expect(page.getByRole('region', { name: 'Unchanged Situations' })).toContainText('Fictional envoys in Pelldovia met the invented regency council in 2024-04.');
    });

    test('the table holds the same facts as the groups', async ({ page }) => {
      await page.goto(site('/crisiswatch/2024-04'));
      await expectTable(page, APRIL_2024);
      // Read back from the page itself: each group is exactly the table's rows with that verdict or alert.
      const table = page.getByRole('table', { name: /^CrisisWatch April 2024/ });
      const facts = await table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((tr) => ({ verdict: tr.children[1]?.textContent ?? '', alerts: (tr.children[2]?.textContent ?? '').split(', '), href: tr.querySelector('a')?.getAttribute('href') })),
      );
      for (const [heading, word] of Object.entries(IN_WORDS)) {
        const inGroup = await page.getByRole('region', { name: heading, exact: true }).locator('h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        expect(inGroup, heading).toEqual(facts.filter(({ verdict, alerts }) => verdict === word || alerts.includes(word)).map(({ href }) => href));
      }
    });

    test('leads with what happened, and says the empty groups in one line', async ({ page }) => {
      await page.goto(site('/crisiswatch/2024-01'));
      await expectGroups(page, '2024-01', 'January 2024', JANUARY_2024_GROUPS);
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Deteriorated Situations', 'Improved Situations', 'Unchanged Situations', 'Country by country']);
      await expect(page.getByText('No conflict risk alert or resolution opportunity for February 2024.')).toHaveCount(1);
      await expect(page.getByRole('main')).not.toContainText('None this month');
    });

    test('moves to the months before and after', async ({ page }) => {
      await page.goto(site('/crisiswatch/2024-04'));
      const months = page.getByRole('navigation', { name: 'CrisisWatch months across countries' });
      await expect(months.getByRole('link', { name: 'Previous month: March 2024' })).toHaveAttribute('rel', 'prev');
      await expect(months.getByRole('link', { name: 'Next month: May 2024' })).toHaveAttribute('rel', 'next');
      await months.getByRole('link', { name: 'Previous month: March 2024' }).click();
      await expect(page).toHaveURL(site('/crisiswatch/2024-03'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('CrisisWatch: March 2024');
      await page.getByRole('link', { name: 'Next month: April 2024' }).click();
      await expect(page).toHaveURL(site('/crisiswatch/2024-04'));
      // The first month has nothing before it, the latest nothing after it.
      await page.goto(site('/crisiswatch/2005-01'));
      await expect(page.getByRole('link', { name: /^Previous month/ })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Next month: February 2005' })).toBeVisible();
      await page.goto(site('/crisiswatch/2024-12'));
      await expect(page.getByRole('link', { name: /^Next month/ })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Previous month: November 2024' })).toBeVisible();
    });

    test('an entry links to its month across countries', async ({ page }) => {
      await page.goto(site('/zandovia/crisiswatch/2024-04'));
      await page.getByRole('link', { name: 'April 2024 across all countries' }).click();
      await expect(page).toHaveURL(site('/crisiswatch/2024-04'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('CrisisWatch: April 2024');
      // And back: the country's name leads to its entry for the month.
      await page.getByRole('link', { name: 'Zandovia, April 2024', exact: true }).first().click();
      await expect(page).toHaveURL(site('/zandovia/crisiswatch/2024-04'));
    });

    test('/crisiswatch shows the latest month, whose own page is its canonical address', async ({ page }) => {
      await page.goto(site('/crisiswatch'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`CrisisWatch: ${DECEMBER_2024.label}`);
      await expectGroups(page, DECEMBER_2024.month, DECEMBER_2024.label, DECEMBER_2024.groups);
      await expectTable(page, DECEMBER_2024);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', site('/crisiswatch/2024-12'));
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CrisisWatch' })).toHaveAttribute('aria-current', 'page');
    });

    test('the home page leads with the latest month in brief', async ({ page }) => {
      await page.goto(site('/'));
      const brief = page.getByRole('region', { name: `Latest CrisisWatch: ${DECEMBER_2024.label}` });
      for (const [heading, names] of Object.entries(DECEMBER_2024.groups)) {
        const term = brief.getByRole('term').filter({ hasText: heading });
        await expect(term).toHaveText(`${heading}: ${names.length}`);
      }
      await expect(brief.getByRole('definition').nth(2)).toHaveText('Tavdovia, Zandovia');
      await expect(brief.getByRole('link', { name: 'Zandovia', exact: true }).first()).toHaveAttribute('href', '/zandovia/crisiswatch/2024-12');
      await brief.getByRole('link', { name: `${DECEMBER_2024.label} across all countries: every verdict and lead` }).click();
      await expect(page).toHaveURL(site('/crisiswatch'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`CrisisWatch: ${DECEMBER_2024.label}`);
    });
  });
}

test('a month leaves out drafts: Freedonia’s draft July is not listed', async ({ page }) => {
  await page.goto(site('/crisiswatch/2024-07'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CrisisWatch: July 2024');
  await expect(page.getByRole('table', { name: /^CrisisWatch July 2024/ }).getByRole('rowheader')).toHaveText(['Pelldovia', 'Ruritania', 'Tavdovia', 'Veldovia', 'Zandovia']);
  await expect(page.locator('main')).not.toContainText('Freedonia');
  await expect(page.locator('main')).not.toContainText('unfinished fictional draft');
});

for (const path of ['/crisiswatch/2099-01', '/crisiswatch/2004-12', '/crisiswatch/not-a-month', '/crisiswatch/2024-04/more']) {
  test(`an unknown month answers 404: ${path}`, async ({ page }) => {
    const response = await page.goto(site(path));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
}

test('the sitemap lists each month across countries', async ({ request }) => {
  const sitemap = await (await request.get(site('/sitemap.xml'))).text();
  for (const month of ['2005-01', '2024-04', '2024-12']) expect(sitemap).toContain(`<loc>${site(`/crisiswatch/${month}`)}</loc>`);
  expect(sitemap).not.toContain(`<loc>${site('/crisiswatch')}</loc>`);
  expect(sitemap.match(new RegExp(`<loc>${escapeRegExp(site('/crisiswatch/'))}\\d{4}-\\d{2}</loc>`, 'g'))).toHaveLength(240);
});

test('Tab reaches the previous and next months, and Enter follows them', async ({ page }) => {
  await page.goto(site('/crisiswatch/2024-04'));
  // The last link before the month navigation is the table's last entry link.
  await page.getByRole('table', { name: /^CrisisWatch April 2024/ }).getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Previous month: March 2024' })).toBeFocused();
  await page.keyboard.press('Tab');
  const next = page.getByRole('link', { name: 'Next month: May 2024' });
  await expect(next).toBeFocused();
  const outline = await next.evaluate((link) => `${getComputedStyle(link).outlineStyle} ${getComputedStyle(link).outlineWidth}`);
  expect(outline).toMatch(/^solid [2-9]/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(site('/crisiswatch/2024-05'));
});

test('a month fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/crisiswatch/2024-04', '/']) {
    await page.goto(site(path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});


for (const path of ['/crisiswatch', '/crisiswatch/2024-04', '/crisiswatch/2024-01', '/', '/zandovia/crisiswatch/2024-04']) {
  for (const siteScripts of [true, false]) {
    test(`axe finds no WCAG 2.2 A/AA violation on ${path}, site scripts ${siteScripts ? 'on' : 'off'}`, async ({ browser }) => {
      const page = await pageFor(browser, siteScripts);
      await page.goto(site(path));
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }
}
