import Link from 'next/link';
import type { ReactNode } from 'react';
import { ALERTS, VERDICTS, type Alert, type Verdict } from '@/lib/content/schemas';
import { ALERT_ENCODING, ALERT_LABELS, VERDICT_ENCODING, VERDICT_LABELS } from '@/lib/content/verdicts';
import { ABOUT_PATH, MONTH_INDEX_PATH } from '@/lib/paths';
import { fillOf, VerdictPatterns } from './maps/map-patterns';
import { AlertShape, ShapeIcon, VerdictShape } from './verdict-shapes';

/** What each verdict says of the month gone by, in a reader's words. */
const VERDICT_MEANING: Record<Verdict, string> = {
  deteriorated: 'Compared with the month before, the overall situation got worse.',
  improved: 'Compared with the month before, the overall situation got better.',
  unchanged: 'The overall situation stayed much as it was the month before. It may still be grave: unchanged does not mean calm.',
};

/** What each alert warns of for the month ahead. */
const ALERT_MEANING: Record<Alert, string> = {
  'conflict-risk-alert': 'A risk of new or worse conflict in the coming month.',
  'resolution-opportunity': 'A chance, in the coming month, to resolve a conflict or ease it.',
};

/**
 * How to read CrisisWatch on this site: each verdict and alert with the one shape and colour it
 * has everywhere (badge, timeline, maps, table, mail, share image), and its map texture.
 */
export function VerdictsGuide() {
  return (
    <div className="with-aside">
      <article>
        <h1>What CrisisWatch verdicts and alerts mean</h1>
        <p className="page-intro">
          Every month, CrisisWatch says how the situation in each country changed over the month, and warns of what may come in the month ahead.
        </p>
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">Verdicts look back: trends in the month</h2>
          <p className="prose">
            A verdict compares the month with the one before. “Trends in February 2023: Unchanged Situation” says how February went, for the days the
            entry reports on.
          </p>
          <GuideList
            items={VERDICTS.map((verdict) => ({ id: verdict, shape: <VerdictShape verdict={verdict} />, label: VERDICT_LABELS[verdict], meaning: VERDICT_MEANING[verdict] }))}
          />
        </section>
        <section aria-labelledby="alerts-heading">
          <h2 id="alerts-heading">Alerts look ahead: the outlook for next month</h2>
          <p className="prose">
            An alert is about the month after the entry’s: “Outlook for March 2023: Conflict Risk Alert” comes with February’s entry. A month without
            an alert shows none.
          </p>
          <GuideList
            items={ALERTS.map((alert) => ({ id: alert, shape: <AlertShape alert={alert} centred />, label: ALERT_LABELS[alert], meaning: ALERT_MEANING[alert] }))}
          />
        </section>
        <section aria-labelledby="who-heading">
          <h2 id="who-heading">Who decides</h2>
          <p className="prose">
            Verdicts and alerts are Crisis Group’s, as CrisisWatch publishes them. This site reproduces them and adds none of its own;{' '}
            <Link href={ABOUT_PATH}>see where the content comes from</Link>. Every month’s verdicts across countries are on the{' '}
            <Link href={MONTH_INDEX_PATH}>CrisisWatch</Link> page.
          </p>
        </section>
      </article>
      <aside className="side-column" aria-labelledby="key-heading">
        <VerdictsKey />
      </aside>
    </div>
  );
}

/** Each sign with its name, then what it says; each at its own anchor (`#deteriorated`). */
function GuideList({ items }: { items: { id: string; shape: ReactNode; label: string; meaning: string }[] }) {
  return (
    <dl className="guide-list">
      {items.map((item) => (
        <div key={item.id} id={item.id}>
          <dt>
            <ShapeIcon>{item.shape}</ShapeIcon>
            {item.label}
          </dt>
          <dd>{item.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every sign at a glance, as drawn on the site's badges and maps, with its symbol in mail. */
function VerdictsKey() {
  const prefix = 'guide-key';
  return (
    <section className="guide-key">
      <h2 id="key-heading">At a glance</h2>
      <table>
        <caption className="visually-hidden">Each verdict and alert: its sign on badges and timelines, on maps, and in email</caption>
        <thead>
          <tr>
            <th scope="col">Verdict or alert</th>
            <th scope="col">Badge</th>
            <th scope="col">Map</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {VERDICTS.map((verdict) => (
            <tr key={verdict}>
              <th scope="row">{VERDICT_LABELS[verdict]}</th>
              <td>
                <ShapeIcon>
                  <VerdictShape verdict={verdict} />
                </ShapeIcon>
              </td>
              <td>
                <svg viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
                  {verdict === VERDICTS[0] && <VerdictPatterns prefix={prefix} />}
                  <rect x="1" y="1" width="22" height="14" fill={fillOf(prefix, verdict)} stroke="var(--ink)" />
                </svg>
              </td>
              <td aria-hidden="true" style={{ color: VERDICT_ENCODING[verdict].colour }}>
                {VERDICT_ENCODING[verdict].symbol}
              </td>
            </tr>
          ))}
          {ALERTS.map((alert) => (
            <tr key={alert}>
              <th scope="row">{ALERT_LABELS[alert]}</th>
              <td>
                <ShapeIcon>
                  <AlertShape alert={alert} centred />
                </ShapeIcon>
              </td>
              <td>
                <ShapeIcon>
                  <circle r={8} fill="#fff" stroke="var(--ink)" />
                  <AlertShape alert={alert} centred />
                </ShapeIcon>
              </td>
              <td aria-hidden="true" style={{ color: ALERT_ENCODING[alert].colour }}>
                {ALERT_ENCODING[alert].symbol}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
