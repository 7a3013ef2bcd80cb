// The prospect channels (core/api.ts): the store's operations, the imports (intake files and
// returned intake forms), the intake form sent, the preview and the deck's changes. A stage
// change also goes through the win-back rule (followUp/winBack.ts).
import { join } from 'node:path';
import type { Handlers, ImportOutcome } from '../../../core/api';
import type { AdvisorProfileStore } from '../advisorProfile';
import type { PendingForms } from '../fillableForm/pending';
import type { FollowUpStore } from '../followUp/store';
import { winBackAfterStage } from '../followUp/winBack';
import { writeDeckChanges } from '../prospects/deckFile';
import type { ProspectStore } from '../prospects/store';
import type { RecordKeeper } from '../records';
import { applyIntakeForm, importIntakeForm, intakeFormFile, sendIntakeForm } from './fillableForm';
import { buildPreview, deckSetup } from './preview';

type ProspectChannels = Extract<keyof Handlers, `prospects:${string}` | `deck:${string}`>;

export function prospectHandlers(deps: {
  prospects: ProspectStore;
  advisor: AdvisorProfileStore;
  followUps: () => FollowUpStore | null;
  templatesDir: string;
  now: () => number;
  records: RecordKeeper;
  /** Returned forms waiting for `Apply changes` or `Keep as it is`, for every window of this app. */
  pendingForms: PendingForms;
  /** The host opens a file with the system's app; false when it cannot. */
  openPath: (path: string) => Promise<boolean>;
}): Pick<Handlers, ProspectChannels> {
  const { prospects, advisor, templatesDir, now, records, pendingForms: pending } = deps;
  return {
    'prospects:list': () => ({ prospects: prospects.list(), problems: prospects.problems }),
    'prospects:get': ({ id }) => prospects.get(id),
    'prospects:saveDraft': ({ id, draft, revision }) => prospects.saveDraft(id, draft, revision),
    'prospects:save': ({ id, intake, revision }) => prospects.save(id, intake, revision),
    'prospects:delete': ({ id }) => prospects.delete(id),
    'prospects:restore': ({ trashId }) => prospects.restore(trashId),
    'prospects:discardDraft': ({ id }) => prospects.discardDraft(id),
    'prospects:setStatus': async ({ id, status }) => {
      const summary = await prospects.setStatus(id, status, `stage set to ${status}`);
      winBackAfterStage(deps.followUps(), id, status);
      return summary;
    },
    'prospects:import': async ({ files }) => {
      const outcomes: ImportOutcome[] = [];
      // One at a time: each import is a few small writes, and order keeps the report readable.
      for (const file of files) {
        // A returned intake form (PDF): updates the prospect it was made for, or creates one.
        if ('bytes' in file) {
          outcomes.push(await importIntakeForm({ prospects, pending }, file.name, Buffer.from(file.bytes, 'base64')));
          continue;
        }
        const result = await prospects.importIntake(file.text);
        outcomes.push(
          result.saved
            ? { name: file.name, ok: true as const, prospect: result.value }
            : { name: file.name, ok: false as const, problems: result.problems },
        );
      }
      return outcomes;
    },
    'prospects:applyForm': ({ id, apply }) => applyIntakeForm({ prospects, pending }, id, apply),
    'prospects:intakeForm': ({ id }) => sendIntakeForm({ prospects, advisor, templatesDir, now, records }, id),
    'prospects:intakeFormFile': ({ id, name }) => intakeFormFile({ prospects }, id, name),
    'prospects:intakeFormOpen': async ({ id, name }) => {
      prospects.get(id);
      return { opened: await deps.openPath(join(prospects.prospectDir(id), name)) };
    },
    'prospects:preview': ({ id }) => buildPreview({ id, prospects, advisor, templatesDir, records }),
    'deck:get': ({ id }) => deckSetup({ prospects, advisor, templatesDir }, id),
    'deck:save': async ({ id, changes, revision }) => {
      prospects.get(id);
      return writeDeckChanges(prospects.prospectDir(id), changes, revision);
    },
  };
}
