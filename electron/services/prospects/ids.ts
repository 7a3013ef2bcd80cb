// The id of a prospect, from who they are: the same intake gives the same id in the CLI's batch
// build (its output folder, `<out>/<id>/`) and in the app's import (its prospect folder, when
// that id is free), so a folder of built files can be found again for the same person.
import { createHash } from 'node:crypto';
import type { Intake } from '../../../core/intake/intake';

/**
 * Case folding for an id: NFC, then upper case and back to lower case, which folds what a plain
 * toLowerCase() misses (ß and SS, final and medial sigma). Ids only need "the same person typed
 * the same way twice, perhaps in another case", not a locale's rules.
 */
function fold(text: string): string {
  return text.normalize('NFC').trim().toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * `p-` and 16 hex digits (the shape of the app's own ids, core/prospect/prospect PROSPECT_ID): SHA-256 of
 * the prospect's email when there is one (case-folded), else of their names and the meeting's
 * local time and zone (two people of the same name are rarely met at the same minute).
 */
export function prospectIdOf(intake: Pick<Intake, 'prospect' | 'meeting'>): string {
  const { prospect, meeting } = intake;
  const who = prospect.email
    ? ['email', fold(prospect.email)]
    : ['name', fold(prospect.firstName), fold(prospect.lastName), meeting.startsAt, meeting.timeZone];
  return `p-${createHash('sha256').update(JSON.stringify(who), 'utf8').digest('hex').slice(0, 16)}`;
}
