import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseContentFile, schemaFor, type FileRole, type OtherThreads, type ParseOutcome } from './parse-content-file';
import type { ParseAnswer, ParseJob } from './parse-worker';

/**
 * Worker threads that parse content files for content:check, so a large tree uses every core.
 * Starting a worker costs more than parsing a few files, so the pool stays idle (files are parsed
 * in the loader's thread) until `startAfter` files have needed parsing: a small tree, or a large
 * one whose files are all in the disk cache, never starts one. After that every file waits for
 * the workers: the loader reads and parses synchronously, so its thread would not let them start
 * while it had files to parse itself.
 *
 * Each worker runs parse-worker.ts bundled with esbuild into plain ES modules, so the markdown
 * parser and the rest are loaded by Node itself: through tsx (which hands a CommonJS file each
 * package converted, every call to an imported function going through a getter) they parsed
 * markedly slower. Without esbuild (a production install) the files are parsed in the loader's
 * thread after all.
 *
 * What a worker answers is what parseContentFile answers in the loader's thread, so the tree,
 * its problems and their order are the same with or without the pool (the loader sorts problems
 * by file and line; each file's own come from one call, in its order).
 */
export type ParsePool = OtherThreads & {
  /** Starts the workers now and resolves once each is ready (or failed): then every file is sent to them. */
  ready: () => Promise<void>;
  /** Files parsed in worker threads so far. */
  readonly parsedInWorkers: number;
  close: () => Promise<void>;
};

type Pending = { resolve: (outcome: ParseOutcome) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; ready: boolean; inFlight: Map<number, ParseJob>; batches: number };

const PROJECT_DIR = path.resolve(import.meta.dirname, '..', '..');
/** Files per message, and messages a worker holds at once: enough that it never waits for the loader's thread. */
const BATCH = 8;
const BATCHES_PER_WORKER = 3;
/**
 * The main thread's stack (V8's default, 984 KB): a body whose markdown nests too deep for the
 * parser fails the same way in a worker as in the loader's thread.
 */
const STACK_SIZE_MB = 1;

export function createParsePool({ threads = availableParallelism(), startAfter = 100 }: { threads?: number; startAfter?: number } = {}): ParsePool {
  let asked = 0;
  let nextId = 0;
  let parsedInWorkers = 0;
  let starting: Promise<void> | undefined;
  let unavailable = false;
  let closed = false;
  const slots: Slot[] = [];
  const queue: ParseJob[] = [];
  const pending = new Map<number, Pending>();

  const pump = () => {
    for (const slot of slots) {
      while (slot.ready && slot.batches < BATCHES_PER_WORKER && queue.length > 0) {
        const jobs = queue.splice(0, BATCH);
        for (const job of jobs) slot.inFlight.set(job.id, job);
        slot.batches += 1;
        slot.worker.postMessage(jobs);
      }
    }
  };

  const settle = (answer: ParseAnswer) => {
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if ('outcome' in answer) waiting?.resolve(answer.outcome);
    else waiting?.reject(new Error(`parsing a content file in a worker thread failed: ${answer.error}`));
  };

  const fail = (slot: Slot, error: Error) => {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    slots.splice(index, 1);
    for (const id of slot.inFlight.keys()) settle({ id, error: error.stack ?? error.message });
    if (slots.length > 0) return;
    // No worker left. If none ever started (the threads cannot load their modules, say), what
    // waits is parsed here; after some parsed, a stop is a failure, as a crash in this thread would be.
    if (parsedInWorkers === 0 && !slot.ready) {
      unavailable = true;
      parseHere();
    } else for (const job of queue.splice(0)) settle({ id: job.id, error: 'every worker thread stopped' });
  };

  /** No worker could start: what waits is parsed here after all. */
  const parseHere = () => {
    for (const job of queue.splice(0)) {
      const waiting = pending.get(job.id);
      pending.delete(job.id);
      try {
        waiting?.resolve(parseContentFile(job.filePath, job.source, job.role, schemaFor(job.role)));
      } catch (error) {
        waiting?.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  };

  const start = async () => {
    const script = await workerScript().catch(() => undefined);
    if (!script || closed) {
      unavailable = true;
      parseHere();
      return;
    }
    const spawned: Promise<void>[] = [];
    for (let index = 0; index < threads; index += 1) {
      const worker = new Worker(script, { execArgv: [], resourceLimits: { stackSizeMb: STACK_SIZE_MB } });
      const slot: Slot = { worker, ready: false, inFlight: new Map(), batches: 0 };
      slots.push(slot);
      spawned.push(
        new Promise<void>((settled) => {
          worker.on('message', (message: 'ready' | ParseAnswer[]) => {
            if (message === 'ready') {
              slot.ready = true;
              settled();
            } else {
              slot.batches -= 1;
              parsedInWorkers += message.length;
              for (const answer of message) {
                slot.inFlight.delete(answer.id);
                settle(answer);
              }
            }
            pump();
          });
          worker.on('error', (error) => {
            fail(slot, error);
            settled();
          });
          worker.on('exit', (code) => {
            fail(slot, new Error(`a worker thread stopped (exit code ${code})`));
            settled();
          });
        }),
      );
    }
    await Promise.all(spawned);
  };

  return {
    parse(filePath: string, source: string, role: FileRole) {
      asked += 1;
      if (closed || unavailable || asked <= startAfter) return undefined;
      starting ??= start();
      const job: ParseJob = { id: nextId++, filePath, source, role };
      const answer = new Promise<ParseOutcome>((resolve, reject) => pending.set(job.id, { resolve, reject }));
      queue.push(job);
      pump();
      return answer;
    },
    ready() {
      starting ??= start();
      return starting;
    },
    get parsedInWorkers() {
      return parsedInWorkers;
    },
    async close() {
      closed = true;
      const stopping = slots.splice(0).map((slot) => slot.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

/** parse-worker.ts as one ES module under node_modules/.cache (where its packages resolve), written once per version. */
async function workerScript(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'parse-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const file = path.join(PROJECT_DIR, 'node_modules', '.cache', 'crisis-briefings', `parse-worker-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!(await stat(file).catch(() => undefined))) {
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so another content:check starting now never loads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, code);
    await rename(temporary, file);
  }
  return file;
}
