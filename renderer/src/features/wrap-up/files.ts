// A meeting's files handed to the advisor: the system opens them in Electron (meeting:open);
// a browser tab cannot reach the system, so it downloads them instead. A Blob URL and an
// <a download> click work under the window's CSP (default-src 'none'): a download is neither a
// fetch nor a navigation of the page, and the blob: URL never becomes a resource the page loads.
import type { ApiClient } from '../../../../core/api';

export type MeetingFile = 'summary.pdf' | 'follow-up.ics' | 'follow-up.eml' | 'deck.html' | 'plan.json' | 'meeting.json';
export type OpenableFile = 'summary.pdf' | 'follow-up.ics' | 'follow-up.eml';

export function download(name: string, mime: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by then; revoking later still frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadMeetingFile(api: ApiClient, id: string, meeting: string, name: MeetingFile): Promise<{ ok: true } | { ok: false; error: string }> {
  const file = await api['meeting:file']({ id, meeting, name });
  if (!file.ok) return { ok: false, error: file.error };
  download(file.value.name, file.value.mime, file.value.base64);
  return { ok: true };
}

/** Opened by the system (true), downloaded (false), or an error. */
export async function openOrDownload(api: ApiClient, id: string, meeting: string, name: OpenableFile): Promise<{ ok: true; opened: boolean } | { ok: false; error: string }> {
  const opened = await api['meeting:open']({ id, meeting, name });
  if (!opened.ok) return { ok: false, error: opened.error };
  if (opened.value.opened) return { ok: true, opened: true };
  const done = await downloadMeetingFile(api, id, meeting, name);
  return done.ok ? { ok: true, opened: false } : done;
}
