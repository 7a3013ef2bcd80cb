// Meeting files of this prospect that could not be read and were set aside (renamed, kept): the
// advisor learns it where they would have missed the meeting, not only on the Prospects screen.
import type { MeetingFileProblem } from '../../../core/api';
import type { Translate } from '../i18n';
import { useApp } from '../store';

export function meetingProblemText(t: Translate, p: MeetingFileProblem): string {
  if (p.file === 'meeting-live.json')
    return p.keptAs ? t('meetingLiveDamaged', { file: p.keptAs }) : t('meetingLiveUnreadable', { e: p.message });
  const where = `meetings/${p.meeting ?? ''}/`;
  return p.keptAs
    ? t('meetingRecordDamaged', { file: `${where}${p.keptAs}` })
    : t('meetingRecordUnreadable', { e: p.message });
}

export function MeetingFileProblems({ problems }: { problems: readonly MeetingFileProblem[] }) {
  const t = useApp((s) => s.t);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error meeting-file-problems">
      {problems.map((p, i) => (
        <p key={i}>{meetingProblemText(t, p)}</p>
      ))}
    </div>
  );
}
