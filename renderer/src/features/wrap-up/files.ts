// A meeting's files handed to the advisor: the system opens them in Electron (meeting:open);
// a browser tab cannot reach the system, so it downloads them instead (ui/download.ts).
import type { ApiClient } from '../../../../core/api';
import { download } from '../../ui/download';

export type MeetingFile =
  | 'summary.pdf'
  | 'follow-up.ics'
  | 'follow-up.eml'
  | 'deck.html'
  | 'plan.json'
  | 'meeting.json';
export type OpenableFile = 'summary.pdf' | 'follow-up.ics' | 'follow-up.eml';

export async function downloadMeetingFile(
  api: ApiClient,
  id: string,
  meeting: string,
  name: MeetingFile,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const file = await api['meeting:file']({ id, meeting, name });
  if (!file.ok) return { ok: false, error: file.error };
  download(file.value.name, file.value.mime, file.value.base64);
  return { ok: true };
}

/** Opened by the system (true), downloaded (false), or an error. */
export async function openOrDownload(
  api: ApiClient,
  id: string,
  meeting: string,
  name: OpenableFile,
): Promise<{ ok: true; opened: boolean } | { ok: false; error: string }> {
  const opened = await api['meeting:open']({ id, meeting, name });
  if (!opened.ok) return { ok: false, error: opened.error };
  if (opened.value.opened) return { ok: true, opened: true };
  const done = await downloadMeetingFile(api, id, meeting, name);
  return done.ok ? { ok: true, opened: false } : done;
}
