// The window's own copy of an intake typed and not yet acknowledged by the app layer (in
// sessionStorage, per prospect), and the id a new prospect gets before its first keystroke.
const backupKey = (id: string) => `advisor-deck.draft.${id}`;

/**
 * A new prospect's id is made here, before the first keystroke is sent: the address holds it
 * at once, so a reload (even while the first save is on its way) comes back to the same
 * prospect instead of making a second one.
 */
export function newProspectId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `p-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The window's copy of what was typed and not yet acknowledged, with the revision it was typed
 * on (`base`): restored after a reload, it is saved on that revision, so changes typed on data
 * another window has replaced since are refused, not written over it. `sent`: the draft on its
 * way when the copy was made; found on disk after the reload, it is this window's own save and
 * the revision on disk is the one to go on from.
 */
export interface Backup {
  base: string | null;
  draft: Record<string, unknown>;
  sent?: Record<string, unknown>;
}

export function readBackup(id: string): Backup | undefined {
  try {
    const raw = sessionStorage.getItem(backupKey(id));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Backup> & Record<string, unknown>;
    // A copy kept before revisions: the draft alone.
    if (!value.draft || typeof value.draft !== 'object') return { base: null, draft: value };
    return {
      base: typeof value.base === 'string' ? value.base : null,
      draft: value.draft,
      ...(value.sent && typeof value.sent === 'object' ? { sent: value.sent } : {}),
    };
  } catch {
    return undefined;
  }
}

export function writeBackup(id: string, value: Backup | undefined): void {
  try {
    if (value) sessionStorage.setItem(backupKey(id), JSON.stringify(value));
    else sessionStorage.removeItem(backupKey(id));
  } catch {
    // Storage full or off: the app layer's copy is still written.
  }
}
