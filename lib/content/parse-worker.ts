import { parentPort } from 'node:worker_threads';
import { parseContentFile, schemaFor, type FileRole, type ParseOutcome } from './parse-content-file';

/**
 * A worker thread of the parse pool (parse-pool.ts): parses the files it is sent, a batch at a
 * time, exactly as the loader's thread would, and answers in the same order. A file whose parse
 * throws (a bug, not a content problem: those are in the outcome) is answered with the error.
 */
export type ParseJob = { id: number; filePath: string; source: string; role: FileRole };
export type ParseAnswer = { id: number; outcome: ParseOutcome } | { id: number; error: string };

function answer({ id, filePath, source, role }: ParseJob): ParseAnswer {
  try {
    return { id, outcome: parseContentFile(filePath, source, role, schemaFor(role)) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (jobs: ParseJob[]) => port.postMessage(jobs.map(answer)));
  // Every module is loaded by now: the pool may send work.
  port.postMessage('ready');
}
