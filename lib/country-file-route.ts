import { defaultContentDir, getCountries, getCountry, type Country } from './content';
import { archivePageCount } from './content/archive';
import { listContentRoutes } from './content/list-content-routes';
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

/** Static params for any route under `[country]/crisiswatch/[month]`: one per entry. */
export async function entryStaticParams(): Promise<{ country: string; month: string }[]> {
  if (fromFileNames()) return (await listContentRoutes(defaultContentDir())).flatMap(({ country, months }) => months.map((month) => ({ country, month })));
  return (await getCountries()).flatMap((country) => country.entries.map((entry) => ({ country: country.slug, month: entry.month })));
}

/** Static params for the archive's pages 2 and on (page 1 lives at /<country>/crisiswatch). */
export async function archivePageStaticParams(): Promise<{ country: string; page: string }[]> {
  const counts = fromFileNames()
    ? (await listContentRoutes(defaultContentDir())).map(({ country, months }) => ({ country, entries: months.length }))
    : (await getCountries()).map((country) => ({ country: country.slug, entries: country.entries.length }));
  return counts.flatMap(({ country, entries }) => Array.from({ length: archivePageCount(entries) - 1 }, (_, index) => ({ country, page: String(index + 2) })));
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
