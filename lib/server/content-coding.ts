/**
 * Which of a file's encodings to send, from the request's Accept-Encoding (RFC 9110 §12.5.3).
 * The server only ever has three to choose from (the file itself, and the brotli and gzip copies
 * the build wrote beside it), so the rules fit here rather than in a general-purpose negotiator.
 */
export type Compressed = 'br' | 'gzip';
export type ContentCoding = Compressed | 'identity';

/** On equal weights the smaller wins: brotli, then gzip, then the file as it is. */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/** A weight is 0 to 1 with at most three decimals; anything else makes its entry unreadable. */
const WEIGHT = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The weight the client gives each coding it names (`*` included), lower-case; `x-gzip` is gzip.
 * An entry whose weight cannot be read is left out; a coding named twice counts with its lower weight.
 */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name = '', ...parameters] = entry.split(';').map((part) => part.trim());
    if (!name) continue;
    let weight = 1;
    let readable = true;
    for (const parameter of parameters) {
      const [key = '', value = ''] = parameter.split('=').map((part) => part.trim());
      if (key.toLowerCase() !== 'q') continue;
      if (WEIGHT.test(value)) weight = Number(value);
      else readable = false;
    }
    if (!readable) continue;
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    weights.set(coding, Math.min(weight, weights.get(coding) ?? 1));
  }
  return weights;
}

/**
 * The coding to send, among the compressed copies `available` and the file itself. Without
 * Accept-Encoding the file as it is (what every server does, though RFC 9110 would allow any).
 * The file itself is acceptable unless excluded (`identity;q=0`, or `*;q=0` without naming
 * identity), and ranks below any compressed coding the client accepts. When the client accepts
 * nothing on offer, it gets the file as it is rather than a 406, as nginx and Next answer.
 */
export function chooseContentCoding(acceptEncoding: string | undefined, available: readonly Compressed[]): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const weights = parseAcceptEncoding(acceptEncoding);
  const weightOf = (coding: ContentCoding): number => {
    const named = weights.get(coding) ?? weights.get('*');
    if (coding !== 'identity') return available.includes(coding) ? (named ?? 0) : 0;
    // Acceptable by default, but after anything the client named.
    return named ?? Number.MIN_VALUE;
  };
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}
