/**
 * The process's life as the server, the health routes and the services share it. The server
 * script and each Next bundle hold their own copy of this module, so the state sits on
 * globalThis, once per process.
 */
const LIFECYCLE = Symbol.for('crisis-briefings.lifecycle');

type Hook = { name: string; run: () => Promise<void> };
type Lifecycle = { draining: boolean; startedAt: string; hooks: Hook[] };
type Holder = { [LIFECYCLE]?: Lifecycle };

function lifecycle(): Lifecycle {
  const holder = globalThis as Holder;
  holder[LIFECYCLE] ??= { draining: false, startedAt: new Date().toISOString(), hooks: [] };
  return holder[LIFECYCLE];
}

/** Set when the server has been asked to stop: readiness fails so the load balancer moves on. */
export const isDraining = () => lifecycle().draining;
export const markDraining = () => void (lifecycle().draining = true);
export const startedAt = () => lifecycle().startedAt;

/** Something to stop cleanly once the last request has been answered (the outbox, the pool). */
export function onShutdown(name: string, run: () => Promise<void>): void {
  lifecycle().hooks.push({ name, run });
}

/** Runs every shutdown hook, in the order they were added, each bounded by `timeoutMs`. */
export async function runShutdownHooks(timeoutMs: number, log: (message: string) => void = console.warn): Promise<void> {
  const hooks = lifecycle().hooks.splice(0);
  for (const hook of hooks) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const outcome = await Promise.race([hook.run().then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout') log(`shutdown: ${hook.name} did not stop within ${timeoutMs} ms`);
    } catch (error) {
      log(`shutdown: ${hook.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
