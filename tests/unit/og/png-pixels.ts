import { inflateSync } from 'node:zlib';

export type Pixels = { width: number; height: number; at: (x: number, y: number) => string };

/**
 * The pixels of an 8-bit RGBA or RGB PNG, not interlaced (what the share image renderer writes),
 * each as `#rrggbb`: enough to see which colours a picture shows, without an image library.
 */
export function decodePng(png: Buffer): Pixels {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const chunk = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const [depth, colourType, , , interlace] = chunk.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colourType !== 6 && colourType !== 2)) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
      channels = colourType === 6 ? 4 : 3;
    }
    if (type === 'IDAT') data.push(chunk);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      rows[y * stride + x] = (value + [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!) & 0xff;
    }
  }
  const hex = (value: number) => value.toString(16).padStart(2, '0');
  return {
    width,
    height,
    at: (x, y) => {
      const start = y * stride + x * channels;
      return `#${hex(rows[start]!)}${hex(rows[start + 1]!)}${hex(rows[start + 2]!)}`;
    },
  };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
}

/** How many pixels of each colour the picture has. */
export function colourCounts(pixels: Pixels): Map<string, number> {
  const counts = new Map<string, number>();
  for (let y = 0; y < pixels.height; y += 1) for (let x = 0; x < pixels.width; x += 1) counts.set(pixels.at(x, y), (counts.get(pixels.at(x, y)) ?? 0) + 1);
  return counts;
}
