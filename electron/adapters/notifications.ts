// One native notification per reminder. Clicking it brings the app to that follow-up.
import { Notification } from 'electron';
import { reminderText } from '../services/followUp/reminder';
import type { Firing } from '../services/followUp/scheduler';

// A notification that is garbage-collected loses its click handler (a known Electron
// behaviour): each one is held until it is clicked or closed.
const shown = new Set<Notification>();

/** Shows the reminder; false when the system has no notifications (the record still lists as due). */
export function showFollowUpReminder(firing: Firing, onClick: (followUpId: string) => void): boolean {
  if (!Notification.isSupported()) return false;
  const { title, body } = reminderText(firing, { markup: process.platform === 'linux' });
  const notification = new Notification({ title, body, silent: false, urgency: 'normal', timeoutType: 'never' });
  const release = () => shown.delete(notification);
  notification.on('click', () => {
    release();
    onClick(firing.followUp.id);
  });
  notification.on('close', release);
  notification.on('failed', release);
  shown.add(notification);
  notification.show();
  return true;
}
