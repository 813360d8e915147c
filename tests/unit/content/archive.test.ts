import { describe, expect, it } from 'vitest';
import { filterEntries, pageYearLabels, paginate, parseArchiveQuery } from '@/lib/content/archive';
import { pathsFor } from '@/lib/paths';
import { loadFictionalCountry } from '../fictional-content';

describe('archive query', () => {
  it('reads verdict, year range and page, ignoring empty fields', () => {
    expect(parseArchiveQuery({ verdict: 'improved', from: '2010', to: '2012', page: '2' })).toMatchObject({ ok: true, filter: { verdict: 'improved', from: 2010, to: 2012 }, page: 2 });
    expect(parseArchiveQuery({ verdict: '', from: '', to: '' })).toMatchObject({ ok: true, filter: {}, page: 1 });
    expect(parseArchiveQuery({ verdict: ['deteriorated', 'improved'] })).toMatchObject({ ok: true, filter: { verdict: 'deteriorated' } });
  });

  it('names the field and the problem when the query is wrong', () => {
    expect(parseArchiveQuery({ verdict: 'worse' })).toMatchObject({ ok: false, errors: [{ field: 'verdict', message: 'Choose a verdict from the list' }] });
    expect(parseArchiveQuery({ from: '2015', to: '2010' })).toMatchObject({ ok: false, errors: [{ field: 'to', message: 'The end year must not be before the start year' }] });
    expect(parseArchiveQuery({ page: '0' })).toMatchObject({ ok: false, errors: [{ field: 'page' }] });
    expect(parseArchiveQuery({ from: 'last year' })).toMatchObject({ ok: false, errors: [{ field: 'from' }] });
    expect(parseArchiveQuery({ verdict: 'worse', from: '2015', to: '2010' })).toMatchObject({ ok: false, errors: [{ field: 'verdict' }, { field: 'to' }] });
  });

  it('keeps what the reader chose, applied or not, for the form to show again', () => {
    expect(parseArchiveQuery({ verdict: 'improved', from: '2015', to: '2010' }).chosen).toEqual({ verdict: 'improved', from: '2015', to: '2010' });
    expect(parseArchiveQuery({ from: ' 2010 ', to: '' }).chosen).toEqual({ from: '2010' });
  });

  it('builds a URL that reads back as the same filter', () => {
    const href = pathsFor('en').filteredArchive('ruritania', { verdict: 'improved', from: 2010, to: 2012 }, 3);
    expect(href).toBe('/ruritania/crisiswatch/filter?verdict=improved&from=2010&to=2012&page=3');
    const query = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseArchiveQuery(query)).toMatchObject({ ok: true, filter: { verdict: 'improved', from: 2010, to: 2012 }, page: 3 });
  });
});

describe('filtering and paging twenty years of months', async () => {
  const { entries } = await loadFictionalCountry(240);

  it('filters by verdict and by year range, newest first', () => {
    const improved = filterEntries(entries, { verdict: 'improved', from: 2010, to: 2012 });
    expect(improved.map((entry) => entry.month)).toEqual(['2012-12', '2012-08', '2012-04', '2011-12', '2011-08', '2011-04', '2010-12', '2010-08', '2010-04']);
    expect(filterEntries(entries, { from: 2024 })).toHaveLength(12);
    expect(filterEntries(entries, {})).toHaveLength(240);
  });

  it('pages 24 months at a time and refuses a page past the end', () => {
    expect(paginate(entries, 1)).toMatchObject({ page: 1, pageCount: 10, total: 240 });
    expect(paginate(entries, 10)?.items.at(-1)?.month).toBe('2005-01');
    expect(paginate(entries, 11)).toBeUndefined();
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });

  it('says which years each page holds', () => {
    expect(pageYearLabels(entries)).toEqual(['2023–2024', '2021–2022', '2019–2020', '2017–2018', '2015–2016', '2013–2014', '2011–2012', '2009–2010', '2007–2008', '2005–2006']);
    // Pages that cut through a year share it; a page within one year says that year.
    expect(pageYearLabels(entries.slice(6))).toEqual(['2022–2024', '2020–2022', '2018–2020', '2016–2018', '2014–2016', '2012–2014', '2010–2012', '2008–2010', '2006–2008', '2005–2006']);
    expect(pageYearLabels(filterEntries(entries, { from: 2024 }))).toEqual(['2024']);
  });
});
