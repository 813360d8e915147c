import { AlertShape, ShapeIcon } from '@/components/verdict-shapes';
import { ALERTS, VERDICTS, type Alert } from '@/lib/content/schemas';
import { ALERT_LABELS, VERDICT_LABELS } from '@/lib/content/verdicts';
import { hashOf } from '@/lib/maps/hash-of';
import { layOutMonthMap, type MonthMapItem, type PlacedItem } from '@/lib/maps/month-map-layout';
import { fillOf, VerdictPatterns } from './map-patterns';
import styles from './maps.module.css';

export type { MonthMapItem } from '@/lib/maps/month-map-layout';

/**
 * A month across countries, drawn on the server, no script. Each country with an entry is a
 * link to it, named in words ("Mali: deteriorated situation, conflict risk alert"); its verdict
 * is a fill that differs in texture as well as colour and each alert a sign at its centre, all
 * explained by the key in words. Countries without a map shape are listed under the map; with
 * none to draw there is no map at all.
 */
export function MonthMap({ label, items }: { label: string; items: readonly MonthMapItem[] }) {
  const layout = layOutMonthMap(items);
  if (!layout) return null;
  // Ids from the label and links: two different maps on one page never share one.
  const prefix = `month-map-${hashOf([label, ...items.map((item) => item.href)].join('\n'))}`;
  return (
    <figure className={styles.map} data-map-scope={layout.scope}>
      <figcaption id={`${prefix}-caption`} className={styles.title}>
        {label}
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-labelledby={`${prefix}-caption`}
        aria-describedby={`${prefix}-desc`}
      >
        <desc id={`${prefix}-desc`}>Each country with an entry this month links to it.</desc>
        <VerdictPatterns prefix={prefix} />
        {layout.sphere && <path className={styles.sphere} d={layout.sphere} aria-hidden="true" />}
        <path className={styles.land} d={layout.land} aria-hidden="true" />
        {layout.items.map((item) => (
          <ItemLink key={item.href} item={item} prefix={prefix} />
        ))}
        <g aria-hidden="true">
          {layout.labels.map((placed) => (
            <text key={placed.text} className={styles.label} x={placed.x} y={placed.y} dy="0.35em" textAnchor="middle" fontSize={placed.size}>
              {placed.text}
            </text>
          ))}
        </g>
      </svg>
      <MonthMapKey prefix={prefix} />
      {layout.missing.length > 0 && <p className={styles.note}>Not on the map: {layout.missing.map((item) => item.name).join(', ')}.</p>}
    </figure>
  );
}

function ItemLink({ item, prefix }: { item: PlacedItem; prefix: string }) {
  const [x, y] = item.centre;
  const fill = fillOf(prefix, item.verdict);
  // A small country's alert signs sit above its dot, so both stay visible.
  const signY = item.small ? y - 14 : y;
  return (
    <a href={item.href} aria-label={item.accessibleName} className={styles.item}>
      <title>{item.accessibleName}</title>
      <path className={styles.itemShape} d={item.d} fill={fill} />
      {item.small && <circle className={styles.hit} cx={x} cy={y} r={12} />}
      {item.small && <circle className={styles.itemShape} cx={x} cy={y} r={6} fill={fill} />}
      {item.alerts.map((alert, index) => (
        <AlertSign key={alert} alert={alert} x={x + (index - (item.alerts.length - 1) / 2) * 18} y={signY} />
      ))}
    </a>
  );
}

/** An alert's shape from the site's timeline, on a white disc so it reads on any fill. */
function AlertSign({ alert, x, y }: { alert: Alert; x: number; y: number }) {
  return (
    <g transform={`translate(${x} ${y})`}>
      <circle className={styles.signDisc} r={8} />
      <AlertShape alert={alert} centred />
    </g>
  );
}

function MonthMapKey({ prefix }: { prefix: string }) {
  return (
    <ul className={styles.legend} aria-label="Key">
      {VERDICTS.map((verdict) => (
        <li key={verdict}>
          <svg className={styles.swatch} viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
            <rect className={styles.itemShape} x="1" y="1" width="22" height="14" fill={fillOf(prefix, verdict)} />
          </svg>
          {VERDICT_LABELS[verdict]}
        </li>
      ))}
      {ALERTS.map((alert) => (
        <li key={alert}>
          <ShapeIcon>
            <circle className={styles.signDisc} r={8} />
            <AlertShape alert={alert} centred />
          </ShapeIcon>
          {ALERT_LABELS[alert]}
        </li>
      ))}
      <li>
        <svg className={styles.swatch} viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
          <rect className={styles.land} x="1" y="1" width="22" height="14" />
        </svg>
        No entry this month
      </li>
    </ul>
  );
}
