/**
 * A name to write on a map at (x, y), its centre; `size` is the font size in SVG units.
 * `keepOff`, when given, says where the label must not sit (a point of the drawing), such as on
 * the country a locator is about, whose name is already there.
 */
export type LabelRequest = { text: string; x: number; y: number; size: number; keepOff?: (x: number, y: number) => boolean };
export type PlacedLabel = Omit<LabelRequest, 'keepOff'>;

/** Rough width of a line of text; system sans-serif averages a little over half its size a character. */
const widthOf = (label: LabelRequest) => label.text.length * label.size * 0.56 + 4;

/** Where a label may go, nearest first: a line at a time up or down, then half its width aside. */
const OFFSETS = [0, 1, -1, 2, -2, 3, -3, 4, -4].flatMap((dy) => [0, -0.5, 0.5].map((dx) => ({ dx, dy })));

/**
 * Places labels in the order given (most important first), each kept inside the frame and moved
 * from where it was asked to be, nearest first, until it overlaps none placed before it and sits
 * off what it must keep off. Good enough for the handful of names a locator or a month map
 * carries; a label that finds no free place keeps the nearest place it may take rather than
 * disappear, since each one names a country.
 */
export function placeLabels(requests: readonly LabelRequest[], frame: { width: number; height: number }): PlacedLabel[] {
  const placed: { label: PlacedLabel; box: Box }[] = [];
  for (const { keepOff, ...request } of requests) {
    const halfWidth = widthOf(request) / 2;
    const step = request.size * 1.2;
    const candidates = OFFSETS.map(({ dx, dy }) => {
      const x = clamp(request.x + dx * halfWidth * 2, halfWidth + 2, frame.width - halfWidth - 2);
      const y = clamp(request.y + dy * step, request.size, frame.height - request.size / 2);
      return { label: { ...request, x, y }, box: boxOf(x, y, halfWidth, request.size) };
    });
    const allowed = candidates.filter(({ box }) => !keepOff || !cornersOf(box).some(([x, y]) => keepOff(x, y)));
    const free = allowed.find((candidate) => !placed.some((other) => overlaps(other.box, candidate.box)));
    placed.push(free ?? allowed[0] ?? candidates[0]!);
  }
  return placed.map(({ label }) => ({ ...label, x: round(label.x), y: round(label.y) }));
}

function cornersOf(box: Box): [number, number][] {
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  return [[box.left, box.top], [box.right, box.top], [box.left, box.bottom], [box.right, box.bottom], [x, y]];
}

type Box = { left: number; right: number; top: number; bottom: number };

function boxOf(x: number, y: number, halfWidth: number, size: number): Box {
  return { left: x - halfWidth, right: x + halfWidth, top: y - size * 0.6, bottom: y + size * 0.6 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

const round = (value: number) => Math.round(value * 10) / 10;
