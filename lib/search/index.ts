export { SEARCH_KINDS, type SearchDocument, type SearchKind } from './documents';
export { getSearchIndex, buildSearchIndex, type SearchIndex } from './search-index';
export { searchContent, SEARCH_PAGE_SIZE, type SearchFilters, type SearchHit, type SearchResults } from './search';
export { isAnswerableSearch, parseSearchQuery, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, type ParsedSearchQuery, type SearchQuery, type SearchQueryProblem } from './search-query';
export type { TextPart } from './snippet';
