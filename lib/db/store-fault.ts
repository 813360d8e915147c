const FAULT = Symbol.for('crisis-briefings.store-fault');

/**
 * Marks an error as the store's own: raised by its driver, its connection or its file (a
 * statement refused, a timeout, a lost connection, a file that cannot be opened), as opposed to
 * an error of the code running between statements (a date out of range, a template that throws).
 * Only the store's own close the store gate; the others are bugs or bad input, to be reported as
 * what they are. The mark is a property on the error itself, so its class and code are kept for
 * whoever inspects it, and it is seen whichever of Next's bundles made the error.
 */
export function markStoreFault<T>(error: T): T {
  if (typeof error === 'object' && error !== null && !Object.isFrozen(error) && !(FAULT in error)) Object.defineProperty(error, FAULT, { value: true });
  return error;
}

export function isStoreFault(error: unknown): boolean {
  return typeof error === 'object' && error !== null && FAULT in error;
}

/** `work`, with whatever it throws marked as the store's own. */
export async function asStoreFault<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw markStoreFault(error);
  }
}
