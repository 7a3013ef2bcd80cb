// The time zones a picker offers: every zone this browser knows (Intl.supportedValuesOf), each
// with its current offset so a search for "Toronto" or "GMT-5" finds it. Shared by the intake
// form (the meeting's zone) and Settings (the advisor's own zone, the form's default).

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

function offsetOf(zone: string, at: Date): string {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

let cached: readonly { value: string; label: string }[] | undefined;

/** Made on first use (a few hundred formatters): the screens that need it load lazily. */
export function timeZoneOptions(): readonly { value: string; label: string }[] {
  if (cached) return cached;
  const now = new Date();
  cached = [...new Set([machineTimeZone(), ...zones()])].map((value) => {
    const offset = offsetOf(value, now);
    return { value, label: `${value.replace(/_/g, ' ')}${offset ? ` · ${offset}` : ''}` };
  });
  return cached;
}
