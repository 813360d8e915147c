import { getCountries, getCountry, type Country } from './content';

/** Static params for any route under `[country]`: one per country folder. */
export async function countryStaticParams(): Promise<{ country: string }[]> {
  return (await getCountries()).map((country) => ({ country: country.slug }));
}

/** Static params for any route under `[country]/crisiswatch/[month]`: one per entry. */
export async function entryStaticParams(): Promise<{ country: string; month: string }[]> {
  return (await getCountries()).flatMap((country) => country.entries.map((entry) => ({ country: country.slug, month: entry.month })));
}

type RenderedFile = { body: string; contentType: string; headers?: Record<string, string> };
type RouteContext = { params: Promise<{ country: string }> };

/** A GET handler for a per-country file (feed, data); prerendered, with an honest 404 otherwise. */
export function countryFileRoute(render: (country: Country) => RenderedFile) {
  return async function GET(_request: Request, { params }: RouteContext): Promise<Response> {
    const country = await getCountry((await params).country);
    if (!country) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const { body, contentType, headers } = render(country);
    return new Response(body, { headers: { 'Content-Type': contentType, ...headers } });
  };
}
