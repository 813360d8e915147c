import { describe, expect, it } from 'vitest';
import { chooseContentCoding, parseAcceptEncoding } from '@/lib/server/content-coding';

const both = ['br', 'gzip'] as const;

describe('the encoding sent for a file with brotli and gzip copies', () => {
  it('is brotli for what browsers send, whatever the order', () => {
    for (const header of ['gzip, deflate, br, zstd', 'gzip, br', 'br, gzip', 'BR,GZIP', 'gzip;q=1.0, br;q=1']) expect(chooseContentCoding(header, both), header).toBe('br');
  });

  it('is gzip for a client that only takes gzip (plain http, feed readers), x-gzip included', () => {
    for (const header of ['gzip', 'gzip, deflate', 'x-gzip', 'deflate, gzip;q=0.5']) expect(chooseContentCoding(header, both), header).toBe('gzip');
    expect(chooseContentCoding('gzip, br', ['gzip'])).toBe('gzip');
  });

  it('is the file as it is without Accept-Encoding, with an empty one, or for codings it does not have', () => {
    expect(chooseContentCoding(undefined, both)).toBe('identity');
    expect(chooseContentCoding('', both)).toBe('identity');
    expect(chooseContentCoding('deflate, zstd', both)).toBe('identity');
    expect(chooseContentCoding('identity', both)).toBe('identity');
    expect(chooseContentCoding('gzip, br', [])).toBe('identity');
    expect(chooseContentCoding('br', ['gzip'])).toBe('identity');
  });

  it('honours weights: the highest wins, q=0 refuses, ties go to the smaller file', () => {
    expect(chooseContentCoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip');
    expect(chooseContentCoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseContentCoding('br;q=0, gzip;q=0', both)).toBe('identity');
    expect(chooseContentCoding('identity;q=1, br;q=0.5', both)).toBe('identity');
    expect(chooseContentCoding('gzip;q=0.001', both)).toBe('gzip');
    expect(chooseContentCoding('gzip;q=0.5, br;q=0.5', both)).toBe('br');
  });

  it('reads * as every coding not named', () => {
    expect(chooseContentCoding('*', both)).toBe('br');
    expect(chooseContentCoding('*, br;q=0', both)).toBe('gzip');
    expect(chooseContentCoding('*;q=0, gzip', both)).toBe('gzip');
    expect(chooseContentCoding('*;q=0.2, identity;q=0.5', both)).toBe('identity');
  });

  it('sends the file as it is when the client accepts nothing on offer, as nginx and Next do, rather than 406', () => {
    expect(chooseContentCoding('identity;q=0', [])).toBe('identity');
    expect(chooseContentCoding('*;q=0', both)).toBe('identity');
    expect(chooseContentCoding('identity;q=0, gzip', both)).toBe('gzip');
  });

  it('leaves out an entry whose weight it cannot read, and takes the lower weight of a coding named twice', () => {
    expect(chooseContentCoding('br;q=high, gzip', both)).toBe('gzip');
    expect(chooseContentCoding('br;q=1.5, gzip', both)).toBe('gzip');
    expect(chooseContentCoding('br;q=0.0001, gzip', both)).toBe('gzip');
    expect(chooseContentCoding('br, gzip, br;q=0', both)).toBe('gzip');
    expect(chooseContentCoding(' br ; q = 0.9 , gzip ; q=0.1', both)).toBe('br');
    expect(chooseContentCoding(',,, gzip ,', both)).toBe('gzip');
  });

  it('parses weights per coding, lower-case', () => {
    expect(Object.fromEntries(parseAcceptEncoding('GZIP;q=0.5, Br, *;Q=0, x-gzip;q=0.7'))).toEqual({ gzip: 0.5, br: 1, '*': 0 });
  });
});
