// Preview deck: builds the prospect's meeting files into their folder with the same renderer
// as the CLI, and hands the window what the live slides need (the plan and the advisor's card);
// and the deck screens' setup (deck:get): what the deck is planned from, and its look.
import { join } from 'node:path';
import type { DeckPreview, DeckSetupOutcome, PreviewOutcome } from '../../../core/api';
import { MEETINGS_DIR, meetingFolderName } from '../../../core/dataFolder';
import { loadRecipe } from '../recipes';
import type { Advisor } from '../../../core/advisor/advisor';
import type { Logo } from '../logo';
import { readDeckChanges } from '../prospects/deckFile';
import { deckColors } from '../../../core/advisor/brandColors';
import { themeVariables } from '../../../templates/deck/Deck';
import type { AdvisorProfileStore } from '../advisorProfile';
import { renderMeetingFiles } from '../build';
import { advisorCard } from '../advisorCard';
import { writeFilesAllOrNothing } from '../outputs';
import type { ProspectStore } from '../prospects/store';
import type { RecordKeeper } from '../records';

/** What live slides need besides the plan: the advisor's card and the firm's colours as CSS variables. */
export function slideLook(
  advisor: Advisor,
  logo?: Logo,
): { advisor: DeckPreview['advisor']; themeVariables: Record<string, string> } {
  const vars: Record<string, string> = {};
  for (const declaration of themeVariables(deckColors(advisor.colors)).split(';')) {
    const at = declaration.indexOf(':');
    if (at > 0) vars[declaration.slice(0, at)] = declaration.slice(at + 1);
  }
  return { advisor: advisorCard(advisor, logo), themeVariables: vars };
}

export async function buildPreview({
  id,
  prospects,
  advisor,
  templatesDir,
  records,
}: {
  id: string;
  prospects: ProspectStore;
  advisor: AdvisorProfileStore;
  templatesDir: string;
  /** Books and records: the rebuilt meeting files are recorded (earlier ones kept) when given. */
  records?: RecordKeeper;
}): Promise<PreviewOutcome> {
  const profile = await advisor.advisor();
  // The sample advisor is never used silently in the app: no valid profile, no build.
  if (!profile.ok) return { built: false, reason: 'no-advisor', problems: profile.problems };
  const intake = prospects.intake(id);
  if (!intake)
    return { built: false, reason: 'no-intake', problems: [{ path: 'intake', message: 'is not saved yet' }] };
  const { changes } = await readDeckChanges(prospects.prospectDir(id));
  const rendered = await renderMeetingFiles(
    { intake, advisor: profile.value, ...(profile.logo ? { logo: profile.logo } : {}), changes },
    { templatesDir },
  );
  if (!rendered.ok) return { built: false, reason: 'no-intake', problems: rendered.problems };
  const folder = join(prospects.prospectDir(id), MEETINGS_DIR, meetingFolderName(intake.meeting.startsAt));
  if (records)
    await records.write({
      event: 'meeting rebuilt',
      prospect: id,
      advisor: profile.value,
      folder,
      files: rendered.files,
    });
  else await writeFilesAllOrNothing(folder, rendered.files);
  const look = slideLook(profile.value, rendered.logo);
  return {
    built: true,
    value: {
      plan: rendered.plan,
      ...look,
      folder,
      files: rendered.files.map((f) => join(folder, f.name)),
      warnings: [...profile.warnings, ...rendered.warnings],
    },
  };
}

/** What the deck screens and present mode start from: the intake, the advisor, the recipe, the changes, the look. */
export async function deckSetup(
  {
    prospects,
    advisor,
    templatesDir,
  }: { prospects: ProspectStore; advisor: AdvisorProfileStore; templatesDir: string },
  id: string,
): Promise<DeckSetupOutcome> {
  const profile = await advisor.advisor();
  if (!profile.ok) return { ready: false, reason: 'no-advisor', problems: profile.problems };
  const intake = prospects.intake(id);
  if (!intake)
    return { ready: false, reason: 'no-intake', problems: [{ path: 'intake', message: 'is not saved yet' }] };
  const { changes, problem, revision } = await readDeckChanges(prospects.prospectDir(id));
  const recipe = await loadRecipe('first-meeting', templatesDir);
  return {
    ready: true,
    value: {
      intake,
      advisor: profile.value,
      recipe,
      changes,
      look: slideLook(profile.value, profile.logo),
      ...(problem ? { problem } : {}),
      revision,
    },
  };
}
