/**
 * A problem in one content file, located as precisely as we can, and the error that carries
 * every problem of a content tree at once (so an editor fixes them all in one pass).
 */
export type ContentProblem = {
  /** Path shown to the editor, relative to the project (e.g. `content/mali/country.md`). */
  file: string;
  line?: number;
  /** Dotted path of the frontmatter field, `body` for the markdown body, absent for the whole file. */
  field?: string;
  message: string;
};

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field ? `${where}: ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
}

export class ContentValidationError extends Error {
  declare readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Content has ${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentValidationError';
    // Not enumerable: the message already lists every problem, so logs need not print them twice.
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
  }
}
