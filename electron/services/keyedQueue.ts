// One change at a time per key (a prospect's id): two windows changing the same prospect at
// once never lose a step or land out of order, while different prospects still go side by side.
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `work` once every earlier work of `key` has settled (failed ones too); its result or its error. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const next = (this.#tails.get(key) ?? Promise.resolve()).then(work, work);
    this.#tails.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Waits for every work queued so far (tests, and a clean stop). */
  async flush(): Promise<void> {
    await Promise.all([...this.#tails.values()]);
  }
}
