// The parts of subset-font and fontverter (which ship no types) that the reading font's script and test use.
declare module 'subset-font' {
  type AxisRange = number | { min: number; max: number; default?: number };
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2';
    keepAllGlyphs?: boolean;
    variationAxes?: Record<string, AxisRange>;
  }
  export default function subsetFont(font: Uint8Array, text: string | null | undefined, options?: SubsetOptions): Promise<Buffer>;
}

declare module 'fontverter' {
  export function convert(font: Uint8Array, toFormat: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
}
