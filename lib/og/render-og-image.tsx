import { ImageResponse } from 'next/og';
import { getSettings } from '../config/settings';
import type { Encoding } from '../content/verdicts';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import type { VerdictLine } from '../verdict-lines';

export const OG_SIZE = { width: 1200, height: 630 };

export type OgImageInput = {
  /** The language of the words, for the punctuation between a heading and its verdict. */
  locale: Locale;
  eyebrow: string;
  title: string;
  subtitle?: string;
  /** The verdict, then any alert (verdict-lines.ts), each drawn with its shape in its colour. */
  lines?: readonly VerdictLine[];
};

const BRAND = '#1d3557';
const INK = '#1b1f24';
const MUTED = '#4a5561';

/**
 * The share image every page uses, in the site's identity: its name on the brand colour, as the
 * site's header shows it; then what the page is, and its verdict and alerts, each with the shape
 * and colour it has on every page (drawn as SVG: a shared image has no text beside it to rely on).
 */
export function renderOgImage({ locale, eyebrow, title, subtitle, lines = [] }: OgImageInput, headers?: Record<string, string>): ImageResponse {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', color: INK }}>
        <div style={{ display: 'flex', alignItems: 'center', height: 112, padding: '0 72px', background: BRAND, color: '#ffffff', fontSize: 40 }}>
          {getSettings().SITE_NAME}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, padding: '0 72px 24px' }}>
          <div style={{ fontSize: 34, color: MUTED }}>{eyebrow}</div>
          <div style={{ fontSize: title.length > 24 ? 72 : 88, lineHeight: 1.1, marginTop: 8 }}>{title}</div>
          {subtitle && <div style={{ fontSize: 40, marginTop: 20, color: MUTED }}>{subtitle}</div>}
          {lines.map((line) => (
            <div key={line.name} style={{ display: 'flex', alignItems: 'center', marginTop: 24, fontSize: 38 }}>
              <div style={{ color: MUTED }}>{`${line.heading}${messages(locale).language.colon.trimEnd()}`}</div>
              <Shape encoding={line.encoding} />
              <div style={{ color: line.encoding.colour }}>{line.name}</div>
            </div>
          ))}
        </div>
      </div>
    ),
    { ...OG_SIZE, headers },
  );
}

/** The verdict's or alert's shape, as the site draws it, in its colour. */
function Shape({ encoding }: { encoding: Encoding }) {
  const { colour } = encoding;
  const shapes: Record<Encoding['shape'], React.ReactNode> = {
    'triangle-down': <path d="M-10 -7h20L0 9z" fill={colour} />,
    'triangle-up': <path d="M-10 7h20L0 -9z" fill={colour} />,
    bar: <rect x="-10" y="-4" width="20" height="8" rx="1.5" fill={colour} />,
    ring: <circle r="7.5" fill="none" stroke={colour} strokeWidth="3.5" />,
    diamond: <path d="M0 -10L10 0L0 10L-10 0z" fill={colour} />,
  };
  return (
    <svg width="52" height="52" viewBox="-12 -12 24 24" style={{ margin: '0 16px 0 20px' }}>
      {shapes[encoding.shape]}
    </svg>
  );
}

/** No such page, so no image: a plain 404 (a crawler asking for a share image wants no HTML page). */
export const notFoundImage = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
