/** A word in lower case without its accents (`Côte` → `cote`), as every language's search compares words. */
export function foldWord(token: string): string {
  // Plain ASCII (most words) has no accents to fold.
  return (/^[\x00-\x7f]*$/.test(token) ? token : token.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase();
}

/** The commonest English words, which would otherwise make every multi-word query require them. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from has have in into is it its of on or that the their this to was were which while with'.split(' '),
);
