/**
 * Rewrites the path data d3 writes (absolute `M x,y L x,y … Z`) with relative line commands,
 * rounded to `decimals` places and without the separators SVG lets one leave out: a map's HTML
 * becomes about half as long and looks the same. Points that round onto the one before are
 * dropped.
 */
export function compactPath(d: string | null | undefined, decimals: 0 | 1): string {
  if (!d) return '';
  const scale = decimals === 1 ? 10 : 1;
  let out = '';
  let last = '';
  let inLine = false;
  let [x, y, startX, startY] = [0, 0, 0, 0];
  const write = (value: number, command?: string) => {
    const text = format(value, scale);
    out += command ? `${command}${text}` : joined(last, text);
    last = text;
  };
  for (const [, command, args] of d.matchAll(/([MLZmlz])([^MLZmlz]*)/g)) {
    if (command === 'Z' || command === 'z') {
      out += 'z';
      [x, y, inLine] = [startX, startY, false];
      continue;
    }
    const numbers = (args!.match(/-?\d*\.?\d+(?:e-?\d+)?/gi) ?? []).map((value) => Math.round(Number(value) * scale));
    for (let index = 0; index + 1 < numbers.length; index += 2) {
      const [px, py] = [numbers[index]!, numbers[index + 1]!];
      if (command === 'M' && index === 0) {
        write(px, 'M');
        write(py);
        [startX, startY, inLine] = [px, py, false];
      } else {
        if (px === x && py === y) continue;
        write(px - x, inLine ? undefined : 'l');
        write(py - y);
        inLine = true;
      }
      [x, y] = [px, py];
    }
  }
  return out;
}

/** An integer count of 1/scale units as the shortest decimal SVG reads: 7 tenths is ".7". */
function format(value: number, scale: number): string {
  return String(value / scale).replace(/^(-?)0\./, '$1.');
}

/** `next` written after the number `previous`: no space where its sign or its point already separates them. */
function joined(previous: string, next: string): string {
  return next.startsWith('-') || (next.startsWith('.') && previous.includes('.')) ? next : ` ${next}`;
}
