import { describe, expect, it } from 'vitest';
import { compactPath } from '@/lib/maps/compact-path';

describe('compact path data', () => {
  it('writes relative lines, rounded, without separators SVG does not need', () => {
    expect(compactPath('M386.24,400L386.91,397.6L387.5,394.3L385.6,391.5Z', 1)).toBe('M386.2 400l.7-2.4.6-3.3-1.9-2.8z');
    expect(compactPath('M386.24,400L386.91,397.6L387.5,394.3Z', 0)).toBe('M386 400l1-2 1-4z');
  });

  it('drops points that round onto the one before, and starts each ring afresh', () => {
    expect(compactPath('M10,10L10.01,10.02L12,10ZM20,20L21,21Z', 1)).toBe('M10 10l2 0zM20 20l1 1z');
  });

  it('draws nothing for nothing', () => {
    expect(compactPath(null, 1)).toBe('');
    expect(compactPath('', 0)).toBe('');
  });
});
