/** The `count` first of `items` in `before`'s order, in that order: a heap of the best so far, its worst on top. */
export function firstInOrder(items: Uint32Array, count: number, before: (a: number, b: number) => number): Uint32Array {
  const heap = new Uint32Array(count);
  let size = 0;
  const down = (from: number) => {
    for (let at = from; ; ) {
      let worst = at;
      for (const child of [2 * at + 1, 2 * at + 2]) if (child < size && before(heap[child]!, heap[worst]!) > 0) worst = child;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const item of items) {
    if (size < count) {
      heap[size] = item;
      size += 1;
      // Up: a heap filled in order keeps its worst on top.
      for (let at = size - 1; at > 0 && before(heap[(at - 1) >> 1]!, heap[at]!) < 0; at = (at - 1) >> 1) {
        const parent = (at - 1) >> 1;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      }
    } else if (count > 0 && before(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(before);
}
