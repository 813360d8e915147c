import { describe, expect, it } from 'vitest';
import { firstInOrder } from '@/lib/search/first-in-order';

describe('firstInOrder: the first hits of a ranking without putting every hit in order', () => {
  it('gives the same first items as a full sort, ties included, for any count', () => {
    // Scores with many ties, as a common word gives: ties go by id.
    const scores = Array.from({ length: 500 }, (_, id) => ((id * 7919) % 13) / 4);
    const before = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
    const ids = Uint32Array.from({ length: 500 }, (_, id) => (id * 211) % 500);
    const sorted = [...ids].sort(before);
    for (const count of [0, 1, 10, 63, 499, 500]) expect([...firstInOrder(ids, count, before)], `count ${count}`).toEqual(sorted.slice(0, count));
  });
});
