/**
 * Names on the maps are HTML set in CSS pixels over the drawing (components/maps/map-labels.tsx),
 * so they stay readable however small a phone draws the map. They are placed as they will look on
 * the narrowest screen the map is drawn on, where they are largest relative to the drawing: labels
 * that do not overlap there overlap nowhere.
 */
export const LABEL_PX = { place: 13, country: 15 } as const;

/** A label's size in the drawing's units when the drawing, `frameWidth` units wide, is `renderedPx` pixels wide. */
export const labelUnits = (px: number, frameWidth: number, renderedPx: number) => (px * frameWidth) / renderedPx;
