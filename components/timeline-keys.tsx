'use client';

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Months each arrow key moves by: a row of the chart is a year. */
const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -12, ArrowDown: 12 };

/**
 * Makes a verdict chart one Tab stop: Tab enters at the newest month, the arrow keys move a
 * month (left, right) or a year (up, down), Home and End go to the first and last month, and Tab
 * leaves. Without JavaScript every month stays a Tab stop and the chart's skip link passes them.
 */
export function TimelineKeys({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const marks = marksIn(box.current);
    marks.forEach((mark, index) => mark.setAttribute('tabindex', index === marks.length - 1 ? '0' : '-1'));
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const marks = marksIn(box.current);
    const current = marks.findIndex((mark) => mark === document.activeElement);
    if (current === -1) return;
    const target = targetOf(event.key, marks, current);
    if (target === undefined) return;
    event.preventDefault();
    for (const mark of marks) mark.setAttribute('tabindex', mark === target ? '0' : '-1');
    target.focus();
  }

  return (
    <div ref={box} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

function marksIn(box: HTMLElement | null): SVGAElement[] {
  return box ? [...box.querySelectorAll<SVGAElement>('a[data-month]')] : [];
}

/** The mark a key leads to: by month for the arrows (a year's gap is no mark), the ends for Home and End. */
function targetOf(key: string, marks: SVGAElement[], current: number): SVGAElement | undefined {
  if (key === 'Home') return marks[0];
  if (key === 'End') return marks.at(-1);
  const step = STEPS[key];
  if (step === undefined) return undefined;
  if (Math.abs(step) === 1) return marks[current + step];
  const wanted = monthIndex(marks[current]!) + step;
  return marks.find((mark) => monthIndex(mark) === wanted);
}

/** `2005-04` → months since year 0, so a year up or down is 12 away. */
function monthIndex(mark: SVGAElement): number {
  const [year, month] = (mark.dataset.month ?? '0-0').split('-').map(Number);
  return year! * 12 + month! - 1;
}
