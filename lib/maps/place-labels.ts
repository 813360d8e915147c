/** A name to write on a map at (x, y), its centre; `size` is the font size in SVG units. */
export type LabelRequest = { text: string; x: number; y: number; size: number };
export type PlacedLabel = LabelRequest;

/** Rough width of a line of text; system sans-serif averages a little over half its size a character. */
const widthOf = (label: LabelRequest) => label.text.length * label.size * 0.56 + 4;

/**
 * Places labels in the order given (most important first), each kept inside the frame and moved
 * up or down, a line at a time, until it overlaps none placed before it. Good enough for the
 * handful of names a locator or a month map carries; a label that finds no free place stays
 * where it was asked to be rather than disappear, since each one names a country.
 */
export function placeLabels(requests: readonly LabelRequest[], frame: { width: number; height: number }): PlacedLabel[] {
  const placed: { label: PlacedLabel; box: Box }[] = [];
  for (const request of requests) {
    const halfWidth = widthOf(request) / 2;
    const x = clamp(request.x, halfWidth + 2, frame.width - halfWidth - 2);
    const step = request.size * 1.2;
    let chosen: { label: PlacedLabel; box: Box } | undefined;
    for (const offset of [0, 1, -1, 2, -2, 3, -3, 4, -4]) {
      const y = clamp(request.y + offset * step, request.size, frame.height - request.size / 2);
      const candidate = { label: { ...request, x, y }, box: boxOf(x, y, halfWidth, request.size) };
      if (!placed.some((other) => overlaps(other.box, candidate.box))) {
        chosen = candidate;
        break;
      }
      chosen ??= candidate;
    }
    placed.push(chosen!);
  }
  return placed.map(({ label }) => ({ ...label, x: round(label.x), y: round(label.y) }));
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
