import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes an invented country (Ruritania; every place, person and outlet is fictional) with one
 * CrisisWatch entry per month and a quote every few months, sized like a real entry, so the
 * loader can be timed on a twenty-year archive without touching `content/`.
 */
export type FictionalTreeCounts = { entries: number; quotes: number; files: number };

const VERDICTS = ['unchanged', 'deteriorated', 'unchanged', 'improved'] as const;
const WORDS = [
  'Strelsau', 'Zenda', 'Tarlenheim', 'regency council', 'border guards', 'river militia', 'mediators',
  'parliament', 'opposition', 'prefects', 'grain convoys', 'ceasefire', 'customs posts', 'envoys',
  'highland cantons', 'royal guard', 'monitors', 'press office', 'trade union', 'railway line',
];

export async function writeFictionalTree(contentDir: string, months: number, quoteEvery = 6): Promise<FictionalTreeCounts> {
  const countryDir = path.join(contentDir, 'ruritania');
  await mkdir(path.join(countryDir, 'crisiswatch'), { recursive: true });
  await mkdir(path.join(countryDir, 'quotes'), { recursive: true });
  await writeFile(
    path.join(countryDir, 'country.md'),
    '---\nname: Ruritania\nregion:\n  - Europe\n  - Fictional Balkans\n---\n\nRuritania is an invented country used only to benchmark the content loader.\n',
  );
  let quotes = 0;
  for (let i = 0; i < months; i += 1) {
    const month = monthAt(2005, i);
    await writeFile(path.join(countryDir, 'crisiswatch', `${month}.md`), entryFile(month, monthAt(2005, i - 1), i));
    if (i % quoteEvery === 0) {
      await writeFile(path.join(countryDir, 'quotes', `${month}-14-rudolf-rassendyll.md`), quoteFile(`${month}-14`, i));
      quotes += 1;
    }
  }
  return { entries: months, quotes, files: 1 + months + quotes };
}

function entryFile(month: string, previousMonth: string, seed: number): string {
  const alerts = seed % 7 === 3 ? '[conflict-risk-alert]' : '[]';
  const lead = `Fictional talks in Strelsau stalled in ${month} while ${sentence(seed, 12)}.`;
  const body = [0, 1, 2, 3].map((p) => paragraph(seed * 4 + p)).join('\n\n');
  return `---\nmonth: ${month}\nperiod:\n  from: ${previousMonth}-28\n  to: ${month}-27\nverdict: ${VERDICTS[seed % VERDICTS.length]}\nalerts: ${alerts}\nlead: ${JSON.stringify(lead)}\n---\n\n${body}\n`;
}

function quoteFile(date: string, seed: number): string {
  return `---\ndate: ${date}\noutlet: The Strelsau Herald\nname: Rudolf Rassendyll\ntitle: Fictional Analyst, Ruritania\n---\n\nAn invented remark: ${sentence(seed, 20)}.\n`;
}

/** About 650 characters, like a paragraph of a real entry, with some bold so inline markup is rendered too. */
function paragraph(seed: number): string {
  const sentences = [0, 1, 2, 3, 4].map((s) => `${capitalise(sentence(seed * 5 + s, 16))}.`);
  return `**${WORDS[seed % WORDS.length]}.** ${sentences.join(' ')}`;
}

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, k) => WORDS[(seed * 31 + k * 7) % WORDS.length]).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function monthAt(startYear: number, offset: number): string {
  const year = startYear + Math.floor(offset / 12);
  const month = ((offset % 12) + 12) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}
