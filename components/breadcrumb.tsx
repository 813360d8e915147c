import Link from '@/components/intent-link';
import { Fragment } from 'react';
import type { Crumb } from '@/lib/countries/region-trail';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

/**
 * Where a page sits: "Africa › Sahel › Mali". Every step but the page itself is a link; the
 * separators are drawn, not read (a screen reader hears a list of links, as the pattern has it).
 */
export function Breadcrumb({ trail, locale }: { trail: readonly Crumb[]; locale: Locale }) {
  return (
    <nav aria-label={messages(locale).frame.breadcrumb} className="breadcrumb">
      <ol>
        {trail.map((crumb, index) => (
          <Fragment key={`${index}-${crumb.label}`}>
            <li>
              {crumb.href ? (
                <Link href={crumb.href}>{crumb.label}</Link>
              ) : (
                <span aria-current={index === trail.length - 1 ? 'page' : undefined}>{crumb.label}</span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
