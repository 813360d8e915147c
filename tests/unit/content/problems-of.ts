import path from 'node:path';
import { loadContent } from '@/lib/content/load-content';
import { ContentValidationError, formatProblem, type ContentProblem } from '@/lib/content/problems';

/** Loads a fixture tree that must fail and returns its problems (throws if it loads). */
export async function problemsOf(fixture: string): Promise<readonly ContentProblem[]> {
  try {
    await loadContent(path.resolve('tests/fixtures', fixture));
  } catch (error) {
    if (error instanceof ContentValidationError) return error.problems;
    throw error;
  }
  throw new Error(`${fixture} loaded without problems`);
}

export async function problemLinesOf(fixture: string): Promise<string[]> {
  return (await problemsOf(fixture)).map(formatProblem);
}
