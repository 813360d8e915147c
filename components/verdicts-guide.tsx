import Link from '@/components/intent-link';
import type { ReactNode } from 'react';
import { ALERTS, VERDICTS, type Alert, type Verdict } from '@/lib/content/schemas';
import { ALERT_ENCODING, VERDICT_ENCODING } from '@/lib/content/verdicts';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { fillOf, VerdictPatterns } from './maps/map-patterns';
import { AlertShape, ShapeIcon, VerdictShape } from './verdict-shapes';

/**
 * How to read CrisisWatch on this site: each verdict and alert with the one shape and colour it
 * has everywhere (badge, timeline, maps, table, mail, share image), and its map texture.
 */
export function VerdictsGuide({ locale }: { locale: Locale }) {
  const words = messages(locale);
  const guide = words.guide;
  const paths = pathsFor(locale);
  const [whoBefore, about, whoBetween, months, whoAfter] = guide.who;
  return (
    <div className="with-aside">
      <article>
        <h1>{guide.title}</h1>
        <p className="page-intro">{guide.intro}</p>
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">{guide.verdictsHeading}</h2>
          <p className="prose">{guide.verdictsText}</p>
          <GuideList
            items={VERDICTS.map((verdict: Verdict) => ({ id: verdict, shape: <VerdictShape verdict={verdict} />, label: words.verdicts.labels[verdict], meaning: guide.verdictMeaning[verdict] }))}
          />
        </section>
        <section aria-labelledby="alerts-heading">
          <h2 id="alerts-heading">{guide.alertsHeading}</h2>
          <p className="prose">{guide.alertsText}</p>
          <GuideList
            items={ALERTS.map((alert: Alert) => ({ id: alert, shape: <AlertShape alert={alert} centred />, label: words.verdicts.alerts[alert], meaning: guide.alertMeaning[alert] }))}
          />
        </section>
        <section aria-labelledby="who-heading">
          <h2 id="who-heading">{guide.whoHeading}</h2>
          <p className="prose">
            {whoBefore}
            <Link href={paths.about}>{about}</Link>
            {whoBetween}
            <Link href={paths.months}>{months}</Link>
            {whoAfter}
          </p>
        </section>
      </article>
      <aside className="side-column" aria-labelledby="key-heading">
        <VerdictsKey locale={locale} />
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
function VerdictsKey({ locale }: { locale: Locale }) {
  const prefix = 'guide-key';
  const words = messages(locale);
  const columns = words.guide.columns;
  return (
    <section className="guide-key">
      <h2 id="key-heading">{words.guide.glance}</h2>
      <table>
        <caption className="visually-hidden">{words.guide.glanceCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.sign}</th>
            <th scope="col">{columns.badge}</th>
            <th scope="col">{columns.map}</th>
            <th scope="col">{columns.email}</th>
          </tr>
        </thead>
        <tbody>
          {VERDICTS.map((verdict) => (
            <tr key={verdict}>
              <th scope="row">{words.verdicts.labels[verdict]}</th>
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
              <th scope="row">{words.verdicts.alerts[alert]}</th>
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
