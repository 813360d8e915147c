import type { ReactNode } from 'react';
import { VerdictsGuideLink } from '@/components/verdict-badge';
import { AlertShape, ShapeIcon, VerdictShape } from '@/components/verdict-shapes';
import { ALERTS, VERDICTS } from '@/lib/content/schemas';
import type { Locale } from '@/lib/i18n/locales';
import { formatList, messages } from '@/lib/i18n/messages';
import { hashOf } from '@/lib/maps/hash-of';
import { layOutMonthMap, type MonthMapItem, type PlacedItem } from '@/lib/maps/month-map-layout';
import { MapLabels } from './map-labels';
import { fillOf, VerdictPatterns } from './map-patterns';
import styles from './maps.module.css';

export type { MonthMapItem } from '@/lib/maps/month-map-layout';

/** Signs on the map are drawn at this scale of the badge's shapes: large enough to tell apart on a phone. */
const SIGN_SCALE = 1.4;
const DISC_RADIUS = 9;

/**
 * A month across countries, drawn on the server, no script. Each country with an entry is a
 * link to it, named in words ("Mali: deteriorated situation, conflict risk alert"); its verdict
 * is a fill that differs in texture as well as colour and each alert a sign at its centre, all
 * explained by the key in words. Countries without a map shape are listed under the map; with
 * none to draw there is no map at all.
 */
export function MonthMap({ label, items, description, locale }: { label: string; items: readonly MonthMapItem[]; description?: string; locale: Locale }) {
  const layout = layOutMonthMap(items, locale);
  const t = messages(locale);
  if (!layout) return null;
  // Ids from the label and links: two different maps on one page never share one.
  const prefix = `month-map-${hashOf([label, ...items.map((item) => item.href)].join('\n'))}`;
  return (
    <figure className={styles.map} data-map-scope={layout.scope}>
      <figcaption id={`${prefix}-caption`} className={styles.title}>
        {label}
      </figcaption>
      <div className={styles.canvas}>
        <svg
          className={styles.svg}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-labelledby={`${prefix}-caption`}
          aria-describedby={`${prefix}-desc`}
        >
          <desc id={`${prefix}-desc`}>{description ?? t.maps.monthDescription}</desc>
          <VerdictPatterns prefix={prefix} />
          {layout.sphere && <path className={styles.sphere} d={layout.sphere} aria-hidden="true" />}
          <path className={styles.land} d={layout.land} aria-hidden="true" />
          {layout.items.map((item) => (
            <ItemLink key={item.href} item={item} prefix={prefix} />
          ))}
        </svg>
        <MapLabels labels={layout.labels} width={layout.width} height={layout.height} />
      </div>
      <MonthMapKey prefix={prefix} locale={locale} />
      {layout.missing.length > 0 && <p className={styles.note}>{t.maps.notOnMap(formatList(locale, layout.missing.map((item) => item.name)))}</p>}
    </figure>
  );
}

function ItemLink({ item, prefix }: { item: PlacedItem; prefix: string }) {
  const [x, y] = item.centre;
  const fill = fillOf(prefix, item.verdict);
  // A small country's signs sit above its dot, so both stay visible. The verdict's sign is the
  // badge's shape, so a verdict looks the same on the map as everywhere else; alerts follow it.
  const signY = item.small ? y - 2 * DISC_RADIUS * SIGN_SCALE : y;
  const signs = [<VerdictShape key="verdict" verdict={item.verdict} />, ...item.alerts.map((alert) => <AlertShape key={alert} alert={alert} centred />)];
  return (
    <a href={item.href} aria-label={item.accessibleName} className={styles.item}>
      <title>{item.accessibleName}</title>
      <path className={styles.itemShape} d={item.d} fill={fill} />
      {item.small && <circle className={styles.hit} cx={x} cy={y} r={12} />}
      {item.small && <circle className={styles.itemShape} cx={x} cy={y} r={6} fill={fill} />}
      {signs.map((shape, index) => (
        <Sign key={shape.key} x={x + (index - (signs.length - 1) / 2) * (2 * DISC_RADIUS * SIGN_SCALE + 2)} y={signY} scale={SIGN_SCALE}>
          {shape}
        </Sign>
      ))}
    </a>
  );
}

/** A verdict's or an alert's shape on a white disc, so it reads on any fill. */
function Sign({ x, y, scale = 1, children }: { x: number; y: number; scale?: number; children: ReactNode }) {
  return (
    <g transform={`translate(${x} ${y}) scale(${scale})`}>
      <circle className={styles.signDisc} r={DISC_RADIUS} />
      {children}
    </g>
  );
}

function MonthMapKey({ prefix, locale }: { prefix: string; locale: Locale }) {
  const t = messages(locale);
  return (
    <ul className={styles.legend} aria-label={t.verdicts.key}>
      {VERDICTS.map((verdict) => (
        <li key={verdict}>
          <svg className={styles.swatch} viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false">
            <rect className={styles.itemShape} x="1" y="1" width="30" height="18" fill={fillOf(prefix, verdict)} />
            <Sign x={16} y={10} scale={0.9}>
              <VerdictShape verdict={verdict} />
            </Sign>
          </svg>
          {t.verdicts.labels[verdict]}
        </li>
      ))}
      {ALERTS.map((alert) => (
        <li key={alert}>
          <ShapeIcon>
            <circle className={styles.signDisc} r={DISC_RADIUS} />
            <AlertShape alert={alert} centred />
          </ShapeIcon>
          {t.verdicts.alerts[alert]}
        </li>
      ))}
      <li>
        <svg className={styles.swatch} viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
          <rect className={styles.land} x="1" y="1" width="22" height="14" />
        </svg>
        {t.maps.noEntry}
      </li>
      <li>
        <VerdictsGuideLink locale={locale} />
      </li>
    </ul>
  );
}
