import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getHistoryRows, historyToCsv, historyToJson } from '@/lib/content/history-data';
import { loadContent } from '@/lib/content/load-content';

describe('the verdict history as data', async () => {
  const { countries } = await loadContent(path.resolve('tests/fixtures/valid'));
  const freedonia = countries[0]!;
  const rows = getHistoryRows(freedonia, 'https://briefings.example.org');

  it('gives month, verdict, alerts and URL, newest first', () => {
    expect(rows[2]).toEqual({ month: '2024-04', verdict: 'deteriorated', alerts: ['conflict-risk-alert'], url: 'https://briefings.example.org/freedonia/crisiswatch/2024-04' });
    expect(JSON.parse(historyToJson(freedonia, rows))).toEqual({ country: 'freedonia', name: 'Freedonia', months: rows });
  });

  it('writes CSV with a header, CRLF line ends and quoting where needed', () => {
    expect(historyToCsv(rows).split('\r\n')).toEqual([
      'month,verdict,alerts,url',
      '2024-06,unchanged,,https://briefings.example.org/freedonia/crisiswatch/2024-06',
      '2024-05,improved,resolution-opportunity,https://briefings.example.org/freedonia/crisiswatch/2024-05',
      '2024-04,deteriorated,conflict-risk-alert,https://briefings.example.org/freedonia/crisiswatch/2024-04',
      '',
    ]);
    expect(historyToCsv([{ month: '2024-01', verdict: 'x,"y"', alerts: ['a', 'b'], url: 'u' }])).toContain('2024-01,"x,""y""",a;b,u');
  });
});
