// Returned forms waiting for the advisor's word: a form that carries a prospect's id and secret
// changes nothing at import; what it would change is held here until `Apply changes` or
// `Keep as it is`. In memory: a change not answered before the app closes is simply imported
// again. Bounded, oldest dropped first: a window that drops 500 forms cannot grow it further.
import { randomBytes } from 'node:crypto';
import type { Intake } from '../../../core/intake/intake';

export interface PendingForm {
  prospectId: string;
  /** The prospect's intake as it was when the form was read (JSON), or null for a draft: applied only over that. */
  basedOn: string | null;
  merged: Intake;
  changed: string[];
}

const MAX_PENDING = 500;

export class PendingForms {
  readonly #pending = new Map<string, PendingForm>();

  hold(change: PendingForm): string {
    const id = randomBytes(16).toString('hex');
    this.#pending.set(id, change);
    if (this.#pending.size > MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value as string);
    return id;
  }

  /** The change, taken out: each is answered once. */
  take(id: string): PendingForm | undefined {
    const change = this.#pending.get(id);
    this.#pending.delete(id);
    return change;
  }
}
