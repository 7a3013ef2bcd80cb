import { DateTime } from 'luxon';
import type { Firing } from './scheduler';

export interface ReminderText {
  title: string;
  body: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The words of a reminder notification. Plain text; `markup` escapes &, < and > for
 * notification servers that read the body as markup (most on Linux do), so a name a prospect
 * typed cannot become a link or formatting there.
 */
export function reminderText(firing: Firing, options: { locale?: string; markup?: boolean } = {}): ReminderText {
  const f = firing.followUp;
  const how = f.channel === 'email' ? 'Send the follow-up email' : 'Call';
  const when = DateTime.fromMillis(firing.dueAt, { zone: f.timeZone })
    .setLocale(options.locale ?? 'en-US')
    .toLocaleString(DateTime.DATETIME_MED);
  const title = firing.missed
    ? `Missed follow-up: ${oneLine(f.prospectName)}`
    : `Follow up with ${oneLine(f.prospectName)}`;
  const lines = [firing.missed ? `Was due ${when}. ${how}.` : `${how}.`, oneLine(f.subject)];
  const body = lines.join('\n');
  return {
    title,
    body: options.markup ? body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : body,
  };
}
