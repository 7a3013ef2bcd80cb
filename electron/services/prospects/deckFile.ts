// prospects/<id>/deck.json: the advisor's changes to the planned deck, in the CLI's --deck format.
import { join } from 'node:path';
import { checkDeckChanges, NO_CHANGES, type DeckChanges } from '../../../core/deckChanges';
import type { SaveOutcome } from '../../../core/api';
import { MAX_RECORD_BYTES, readJsonFile, writeFileAtomic } from '../files';

export const DECK_FILE = 'deck.json';

/** The saved changes; none when there is no file. A damaged file is reported, never used half-way. */
export async function readDeckChanges(prospectDir: string): Promise<{ changes: DeckChanges; problem?: string }> {
  const path = join(prospectDir, DECK_FILE);
  const read = await readJsonFile(path, { maxBytes: MAX_RECORD_BYTES });
  if (!read.ok) {
    const missing = read.problems.some((p) => p.message === 'file not found');
    return missing ? { changes: NO_CHANGES } : { changes: NO_CHANGES, problem: read.problems.map((p) => p.message).join('; ') };
  }
  const checked = checkDeckChanges(read.value);
  return checked.ok ? { changes: checked.value } : { changes: NO_CHANGES, problem: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
}

export async function writeDeckChanges(prospectDir: string, input: unknown): Promise<SaveOutcome<DeckChanges>> {
  const checked = checkDeckChanges(input);
  if (!checked.ok) return { saved: false, problems: checked.problems };
  await writeFileAtomic(join(prospectDir, DECK_FILE), `${JSON.stringify(checked.value, null, 2)}\n`);
  return { saved: true, value: checked.value };
}
