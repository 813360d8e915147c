'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { CarouselWords, QuoteSlide } from '@/lib/content/quote-slides';

const noSubscription = () => () => {};

/**
 * "In The News", following the WAI-ARIA Authoring Practices carousel pattern. It never
 * rotates by itself, so its live region is always polite and there is nothing to pause.
 * The server renders every quote as a readable list; once hydrated, one quote shows at a time.
 */
export function QuotesCarousel({ words, slides }: { words: CarouselWords; slides: QuoteSlide[] }) {
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false) && slides.length > 1;
  const [current, setCurrent] = useState(0);
  const count = slides.length;
  const region = useRef<HTMLElement>(null);

  const showAnchor = useCallback(() => {
    const index = slides.findIndex((slide) => `#${slide.anchor}` === window.location.hash);
    if (index === -1) return;
    // Shown now (not at React's next render), so the page can be brought to it: the browser could
    // not scroll to the quote itself while it was hidden.
    flushSync(() => setCurrent(index));
    region.current?.scrollIntoView({ block: 'start' });
    document.getElementById(slides[index]!.anchor)?.focus({ preventScroll: true });
  }, [slides]);

  useEffect(() => {
    // Arriving at (or following a link to) one quote shows that quote.
    const timer = window.setTimeout(showAnchor, 0);
    window.addEventListener('hashchange', showAnchor);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('hashchange', showAnchor);
    };
  }, [showAnchor]);

  if (count === 0) return null;
  const go = (step: number) => setCurrent((index) => (index + step + count) % count);

  return (
    <section ref={region} className={enhanced ? 'carousel carousel-enhanced' : 'carousel'} aria-roledescription="carousel" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">{words.heading}</h2>
      {enhanced && (
        <div className="carousel-controls">
          <button type="button" aria-controls="quote-slides" onClick={() => go(-1)}>
            <span aria-hidden="true">←</span> {words.previous}
            <span className="visually-hidden">{words.quote}</span>
          </button>
          <span className="carousel-position" aria-hidden="true">
            {current + 1} / {count}
          </span>
          <button type="button" aria-controls="quote-slides" onClick={() => go(1)}>
            {words.next}
            <span className="visually-hidden">{words.quote}</span> <span aria-hidden="true">→</span>
          </button>
        </div>
      )}
      <div id="quote-slides" className="carousel-slides" aria-live={enhanced ? 'polite' : undefined}>
        {slides.map((slide, index) => (
          <div
            key={slide.anchor}
            id={slide.anchor}
            className="carousel-slide"
            role="group"
            tabIndex={-1}
            aria-roledescription="slide"
            aria-label={words.slides[index]}
            hidden={enhanced && index !== current}
          >
            <figure className="quote">
              <time className="quote-date" dateTime={slide.date}>
                {slide.dateLabel}
              </time>
              <blockquote lang={slide.lang} dangerouslySetInnerHTML={{ __html: slide.html }} />
              <figcaption>
                <span className="quote-name">{slide.name}</span>
                <span className="quote-title">{slide.title}</span>
                <span className="quote-outlet">
                  {slide.article ? (
                    // The name says where the link goes, and contains the outlet's name as shown (WCAG 2.5.3).
                    <a href={slide.article.url} rel="noopener noreferrer" aria-label={slide.article.label}>
                      <cite>{slide.outlet}</cite>
                    </a>
                  ) : (
                    <cite>{slide.outlet}</cite>
                  )}
                </span>
              </figcaption>
            </figure>
          </div>
        ))}
      </div>
    </section>
  );
}
