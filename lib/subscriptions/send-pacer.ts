export type SendPacer = {
  /** Resolves when the next message may start. */
  next: () => Promise<void>;
  /** The longest `count` messages may wait for their turn, so a claim can outlast it. */
  delayForMs: (count: number) => number;
};

/**
 * Spaces message starts `1000 / perSecond` ms apart (MAIL_RATE_PER_SECOND), however many run
 * concurrently, so a provider's sending limit is respected; 0 means no spacing.
 */
export function createSendPacer(perSecond: number): SendPacer {
  if (!(perSecond > 0)) return { next: async () => {}, delayForMs: () => 0 };
  const interval = 1000 / perSecond;
  let nextSlot = 0;
  return {
    async next() {
      const now = performance.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
    },
    delayForMs: (count) => Math.ceil(count * interval),
  };
}
