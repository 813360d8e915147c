import { defaultContentDir, getCountries, getCountry, type Country } from './content';
import { listContentRoutes } from './content/list-content-routes';
import { recentArchivePages, recentMonths } from './content/prerender-window';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './i18n/locales';

/**
 * The development server asks for static params on each navigation, in a process of its own:
 * there they come from file names (see list-content-routes.ts), so that process never loads the
 * tree. A build takes them from the loaded, validated tree, which leaves drafts out.
 */
const fromFileNames = () => process.env.NODE_ENV === 'development';

/** Static params for any route under `[country]`: one per country folder. */
export async function countryStaticParams(): Promise<{ country: string }[]> {
  if (fromFileNames()) return (await listContentRoutes(defaultContentDir())).map(({ country }) => ({ country }));
  return (await getCountries()).map((country) => ({ country: country.slug }));
}

/**
 * Static params for a route handler under `[locale]/[country]` in every language (a feed, a
 * share image): route handlers sit under no layout, so they name the languages themselves.
 */
export async function localizedCountryStaticParams(): Promise<{ locale: Locale; country: string }[]> {
  const countries = await countryStaticParams();
  return LOCALES.flatMap((locale) => countries.map(({ country }) => ({ locale, country })));
}

/** Static params for a country's data files: one address each, the same bytes whatever the reader's language. */
export async function dataFileStaticParams(): Promise<{ locale: Locale; country: string }[]> {
  return (await countryStaticParams()).map(({ country }) => ({ locale: DEFAULT_LOCALE, country }));
}

/** A country's months by slug: from file names in development, from the loaded tree in a build. */
export async function monthsByCountry(): Promise<{ country: string; months: string[] }[]> {
  if (fromFileNames()) return listContentRoutes(defaultContentDir());
  return (await getCountries()).map((country) => ({ country: country.slug, months: country.entries.map((entry) => entry.month) }));
}

/**
 * Static params for any route under `[country]/crisiswatch/[month]`: one per entry among its
 * country's latest months (prerender-window.ts); an older entry is rendered on its first request.
 */
export async function entryStaticParams(): Promise<{ country: string; month: string }[]> {
  return (await monthsByCountry()).flatMap(({ country, months }) => recentMonths(months).map((month) => ({ country, month })));
}

/** Static params for the archive's pages 2 and on that hold a recent month (page 1 lives at /<country>/crisiswatch); the others are rendered on request. */
export async function archivePageStaticParams(): Promise<{ country: string; page: string }[]> {
  return (await monthsByCountry()).flatMap(({ country, months }) => recentArchivePages(months.length).map((page) => ({ country, page: String(page) })));
}

type RenderedFile = { body: string; contentType: string; headers?: Record<string, string> };
type RouteContext = { params: Promise<{ locale: string; country: string }> };

/** A GET handler for a per-country file (feed, data); prerendered, with an honest 404 otherwise. */
export function countryFileRoute(render: (country: Country, locale: Locale) => RenderedFile) {
  return async function GET(_request: Request, { params }: RouteContext): Promise<Response> {
    const { locale, country: slug } = await params;
    const country = isLocale(locale) ? await getCountry(slug, locale) : undefined;
    if (!country || !isLocale(locale)) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const { body, contentType, headers } = render(country, locale);
    return new Response(body, { headers: { 'Content-Type': contentType, ...headers } });
  };
}
