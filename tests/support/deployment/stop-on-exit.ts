/**
 * Synchronous clean-ups run when this process ends, however it ends short of SIGKILL: so a test
 * that crashes, times out or is torn down never leaves a server running behind it.
 *
 * Signals matter as much as 'exit': Vitest stops its worker processes with SIGTERM, which ends a
 * process without running 'exit' listeners.
 */
const cleanups = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A long-running command's own orderly stop, called on the first signal instead of the clean-ups. */
let orderlyStop: ((signal: NodeJS.Signals) => void) | undefined;
let orderlyStopSince: number | undefined;
/**
 * One Ctrl-C often arrives more than once: the terminal signals the whole process group, and
 * wrappers (npm, tsx) forward the same signal to their child. Only a later one forces.
 */
const SAME_SIGNAL_MS = 1_500;

function runCleanups(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // One failed clean-up must not keep the others from running.
    }
  }
  cleanups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  if (orderlyStop) {
    const stop = orderlyStop;
    orderlyStop = undefined;
    orderlyStopSince = Date.now();
    stop(signal);
    return;
  }
  if (orderlyStopSince !== undefined && Date.now() - orderlyStopSince < SAME_SIGNAL_MS) return;
  runCleanups();
  detach();
  // End the process as the signal would have without us, unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function attach(): void {
  if (process.listeners('exit').includes(runCleanups)) return;
  process.on('exit', runCleanups);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function detach(): void {
  process.off('exit', runCleanups);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Registers a synchronous clean-up; the returned function unregisters it. */
export function onProcessExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  attach();
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0 && !orderlyStop) detach();
  };
}

/**
 * For a command that runs until it is told to stop (`npm run deploy:local`): the first SIGINT,
 * SIGTERM or SIGHUP calls `stop`, which takes things down in order and exits; the clean-ups run
 * only if the process ends without it, or on a second signal (Ctrl-C twice forces).
 */
export function onFirstSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  orderlyStop = stop;
  attach();
  return () => {
    if (orderlyStop === stop) orderlyStop = undefined;
    if (cleanups.size === 0) detach();
  };
}
