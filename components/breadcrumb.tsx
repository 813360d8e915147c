import Link from 'next/link';
import { Fragment } from 'react';
import type { Crumb } from '@/lib/countries/region-trail';

/**
 * Where a page sits: "Africa › Sahel › Mali". Every step but the page itself is a link; the
 * separators are drawn, not read (a screen reader hears a list of links, as the pattern has it).
 */
export function Breadcrumb({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
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
