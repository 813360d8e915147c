import type { VerdictHistory } from '@/lib/content/verdict-history';
import { ALERTS, VERDICTS } from '@/lib/content/schemas';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { TimelineKeys } from './timeline-keys';
import { VerdictsGuideLink } from './verdict-badge';
import { AlertShape, ShapeIcon, VerdictShape } from './verdict-shapes';

const CELL = 26;
const LABEL_WIDTH = 46;
const HEADER_HEIGHT = 20;

/**
 * Every month of a country as a calendar: one row a year, one mark a month, each mark a link to
 * its entry. Server-rendered SVG; the same data follows as a table for screen readers and print.
 * A row a year keeps it legible from one month to twenty years. However many months, the chart
 * costs a keyboard reader one Tab stop (arrow keys move within it, TimelineKeys), and a skip link
 * passes it without JavaScript.
 */
export function VerdictTimeline({ history, headingId, locale }: { history: VerdictHistory; headingId: string; locale: Locale }) {
  if (history.marks.length === 0) return null;
  const t = messages(locale);
  const width = LABEL_WIDTH + CELL * 12;
  const height = HEADER_HEIGHT + CELL * history.years.length;
  const newest = history.marks[0]!;
  const oldest = history.marks.at(-1)!;
  const summary = t.timeline.summary(history.marks.length, oldest.label, newest.label);
  const after = `${headingId}-after-chart`;
  return (
    <div className="timeline">
      <p className="timeline-summary">{summary}</p>
      <TimelineLegend locale={locale} />
      <a className="skip-chart" href={`#${after}`}>
        {t.timeline.skip}
      </a>
      <TimelineKeys>
        <svg
          className="timeline-chart"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          role="group"
          aria-labelledby={headingId}
          aria-describedby={`${headingId}-summary`}
        >
          <desc id={`${headingId}-summary`}>{t.timeline.description(summary)}</desc>
          <g aria-hidden="true" className="timeline-axis">
            {t.timeline.monthInitials.map((initial, index) => (
              <text key={index} x={LABEL_WIDTH + CELL * index + CELL / 2} y={14} textAnchor="middle">
                {initial}
              </text>
            ))}
            {history.years.map((row, rowIndex) => (
              <text key={row.year} x={0} y={HEADER_HEIGHT + CELL * rowIndex + CELL / 2 + 5}>
                {row.year}
              </text>
            ))}
          </g>
          {history.years.map((row, rowIndex) =>
            row.months.map((mark, monthIndex) => {
              const x = LABEL_WIDTH + CELL * monthIndex + CELL / 2;
              const y = HEADER_HEIGHT + CELL * rowIndex + CELL / 2;
              if (!mark) return <circle key={`${row.year}-${monthIndex}`} className="timeline-gap" cx={x} cy={y} r={1.5} aria-hidden="true" />;
              return (
                <a key={mark.month} href={mark.href} aria-label={mark.accessibleName} className="timeline-mark" data-month={mark.month}>
                  <title>{mark.accessibleName}</title>
                  <g transform={`translate(${x} ${y})`}>
                    <rect className="timeline-hit" x={-CELL / 2 + 1} y={-CELL / 2 + 1} width={CELL - 2} height={CELL - 2} rx={3} />
                    <VerdictShape verdict={mark.verdict} />
                    {mark.alerts.map((alert, index) => (
                      <AlertShape key={alert} alert={alert} second={index > 0} />
                    ))}
                  </g>
                </a>
              );
            }),
          )}
        </svg>
      </TimelineKeys>
      <span id={after} tabIndex={-1} />
      <div className="timeline-table">
        <table>
          <caption>{t.timeline.caption(summary)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.timeline.month}</th>
              <th scope="col">{t.month.columns.verdict}</th>
              <th scope="col">{t.month.columns.alerts}</th>
            </tr>
          </thead>
          <tbody>
            {history.marks.map((mark) => (
              <tr key={mark.month}>
                <th scope="row">{mark.label}</th>
                <td>{t.verdicts.labels[mark.verdict]}</td>
                <td>{mark.alerts.length > 0 ? mark.alerts.map((alert) => t.verdicts.alerts[alert]).join(', ') : t.verdicts.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TimelineLegend({ locale }: { locale: Locale }) {
  const t = messages(locale).verdicts;
  return (
    <ul className="timeline-legend" aria-label={t.key}>
      {VERDICTS.map((verdict) => (
        <li key={verdict}>
          <ShapeIcon>
            <VerdictShape verdict={verdict} />
          </ShapeIcon>
          {t.labels[verdict]}
        </li>
      ))}
      {ALERTS.map((alert) => (
        <li key={alert}>
          <ShapeIcon>
            <AlertShape alert={alert} centred />
          </ShapeIcon>
          {t.alerts[alert]}
        </li>
      ))}
      <li>
        <VerdictsGuideLink locale={locale} />
      </li>
    </ul>
  );
}
