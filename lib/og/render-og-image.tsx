import { ImageResponse } from 'next/og';

export const OG_SIZE = { width: 1200, height: 630 };

type OgImageInput = { eyebrow: string; title: string; subtitle?: string };

/** The share image every page uses: the site, what the page is, its verdict. */
export function renderOgImage({ eyebrow, title, subtitle }: OgImageInput, headers?: Record<string, string>): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: 80, background: '#1d3557', color: '#ffffff' }}>
        <div style={{ fontSize: 36, color: '#e9c46a' }}>{eyebrow}</div>
        <div style={{ fontSize: 84, fontWeight: 700, marginTop: 16, lineHeight: 1.1 }}>{title}</div>
        {subtitle && <div style={{ fontSize: 44, marginTop: 28 }}>{subtitle}</div>}
      </div>
    ),
    { ...OG_SIZE, headers },
  );
}

/** No such page, so no image: a plain 404 (a crawler asking for a share image wants no HTML page). */
export const notFoundImage = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
