// The Follow-ups screen tells the navigation's count when it changed something (Done, Snooze,
// Reschedule), so the count never waits for the next minute or the next navigation.
const listeners = new Set<() => void>();

export function followUpsChanged(): void {
  for (const listener of listeners) listener();
}

export function onFollowUpsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
