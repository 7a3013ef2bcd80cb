// prospects/<id>/deck.json: the advisor's changes to the planned deck, in the CLI's --deck format.
// Its revision is a hash of the file (prospects/revision.ts), never a field in it: the CLI reads
// the file as it is.
import { join } from 'node:path';
import { checkDeckChanges, NO_CHANGES, type DeckChanges } from '../../../core/plan/deckChanges';
import type { SaveOutcome } from '../../../core/api';
import { MAX_RECORD_BYTES, readCappedFile, readJsonFile, writeFileAtomic } from '../files';
import { checkRevision, revisionOf } from './revision';
import { KeyedQueue } from '../keyedQueue';
import { DECK_FILE } from '../../../core/dataFolder';

/** One read or write of a deck.json at a time: a revision read is the revision of the changes read with it. */
const queue = new KeyedQueue();

async function fileRevision(path: string): Promise<string> {
  const read = await readCappedFile(path, MAX_RECORD_BYTES);
  if (read.ok) return revisionOf(read.bytes);
  return read.message === 'file not found' ? revisionOf(null) : revisionOf(null, read.message);
}

/** The saved changes; none when there is no file. A damaged file is reported, never used half-way. */
export function readDeckChanges(
  prospectDir: string,
): Promise<{ changes: DeckChanges; problem?: string; revision: string }> {
  return queue.run(prospectDir, async () => {
    const path = join(prospectDir, DECK_FILE);
    const revision = await fileRevision(path);
    const read = await readJsonFile(path, { maxBytes: MAX_RECORD_BYTES });
    if (!read.ok) {
      const missing = read.problems.some((p) => p.message === 'file not found');
      return missing
        ? { changes: NO_CHANGES, revision }
        : { changes: NO_CHANGES, problem: read.problems.map((p) => p.message).join('; '), revision };
    }
    const checked = checkDeckChanges(read.value);
    return checked.ok
      ? { changes: checked.value, revision }
      : { changes: NO_CHANGES, problem: checked.problems.map((p) => `${p.path}: ${p.message}`).join('; '), revision };
  });
}

/**
 * Checks and writes the changes. `base`: the revision the window loaded (deck:get) or last saved;
 * when deck.json is at another one now, nothing is written and StaleError is thrown.
 */
export function writeDeckChanges(
  prospectDir: string,
  input: unknown,
  base?: string,
): Promise<SaveOutcome<DeckChanges>> {
  const checked = checkDeckChanges(input);
  if (!checked.ok) return Promise.resolve({ saved: false, problems: checked.problems });
  return queue.run(prospectDir, async () => {
    const path = join(prospectDir, DECK_FILE);
    if (base !== undefined) checkRevision(base, await fileRevision(path));
    const text = `${JSON.stringify(checked.value, null, 2)}\n`;
    await writeFileAtomic(path, text);
    return { saved: true, value: checked.value, revision: revisionOf(Buffer.from(text, 'utf8')) };
  });
}
