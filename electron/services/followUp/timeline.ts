// The follow-ups that will fire, sorted by due time: the first fires next. Kept sorted on every
// change (a binary search), so arming the scheduler's one timer never sorts the whole store.

type Timed = readonly [when: number, id: string];

function compareTimed(a: Timed, b: Timed): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

export class Timeline {
  readonly #items: (readonly [number, string])[] = [];

  /** Adds many at once, then sorts once (the store's open). */
  load(items: Iterable<Timed>): void {
    this.#items.push(...items);
    this.#items.sort(compareTimed);
  }

  add(when: number, id: string): void {
    this.#items.splice(this.#indexOf([when, id]), 0, [when, id]);
  }

  remove(when: number, id: string): void {
    const i = this.#indexOf([when, id]);
    const found = this.#items[i];
    if (found && found[1] === id) this.#items.splice(i, 1);
  }

  /** The one that fires next and when (epoch ms). */
  first(): { id: string; at: number } | undefined {
    const first = this.#items[0];
    return first ? { at: first[0], id: first[1] } : undefined;
  }

  /** Ids of the ones due by `time`, earliest first. */
  dueBy(time: number): string[] {
    const ids: string[] = [];
    for (const [when, id] of this.#items) {
      if (when > time) break;
      ids.push(id);
    }
    return ids;
  }

  /** First index whose item is not before `item` (binary search). */
  #indexOf(item: Timed): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareTimed(this.#items[mid] as Timed, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
