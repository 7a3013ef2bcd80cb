// follow-ups.json: a small conf (electron-store) document holding the store's version and its
// migrations, the follow-up settings (tray, login, preferred time) and the scheduler's memory of
// the clock. A damaged one must not turn every reminder off: it is set aside (renamed, never
// deleted), reported, and a new one with the default settings takes its place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, followUpSettingsSchema, type FollowUpSettings } from '../../../core/followUp/record';
import { FOLLOW_UP_SETTINGS } from '../../../core/dataFolder';
import { setAsideFileSync } from '../setAside';

/** The version of the store's layout; conf runs the migrations up to it on open. */
export const STORE_VERSION = '1.0.0';

/** What the scheduler remembers of the wall clock between runs (see scheduler.ts), epoch ms. */
export interface ClockMemory {
  /** The last wall-clock time the scheduler trusted. */
  trustedAt?: number;
  /** Since when the clock has read far past trustedAt (the clock is in doubt). */
  aheadSince?: number;
}

type Report = (problem: { file: string; message: string }) => void;

/** Why the settings file cannot be used, or undefined when it can (or does not exist yet). */
function settingsDamage(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // Missing (a new store), or not readable at all: conf reports the latter itself.
    return undefined;
  }
  try {
    // conf strips a byte-order mark (a file saved by Notepad) before it parses; so do we.
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    // conf would take an array or null for an empty store and write over it on open.
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return 'does not hold settings (it is not a JSON object)';
    return undefined;
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
}

function newConf(cwd: string): Conf<Record<string, unknown>> {
  // electron-store is this same conf with cwd = app.getPath('userData'); services run
  // under plain Node, so they use conf directly with the options electron-store would pass.
  return new Conf<Record<string, unknown>>({
    cwd,
    configName: FOLLOW_UP_SETTINGS,
    projectVersion: STORE_VERSION,
    watch: false,
    // A hand-edited settings file with a bad value is reported and the default used; the
    // file itself is never thrown away.
    clearInvalidConfig: false,
    // Records live one per file in follow-ups/; recorded so that a later layout can recognise
    // and convert this one. conf writes a new store at projectVersion without migrating it.
    defaults: { layout: 'file-per-record' },
    migrations: {
      // A settings file from before the store had a version: keep its settings, name the layout.
      '1.0.0': (store) => {
        store.set('layout', 'file-per-record');
      },
    },
  });
}

export class SettingsFile {
  readonly #conf: Conf<Record<string, unknown>>;

  constructor(
    cwd: string,
    now: () => number,
    private readonly report: Report,
  ) {
    const path = join(cwd, `${FOLLOW_UP_SETTINGS}.json`);
    const setAside = (damage: string) => {
      const kept = setAsideFileSync(path, now());
      report({
        file: join(cwd, kept),
        message: `the follow-up settings file ${damage}; the file is kept as ${kept} and the default settings are used`,
      });
    };
    const damage = settingsDamage(path);
    if (damage) setAside(damage);
    try {
      this.#conf = newConf(cwd);
    } catch (error) {
      // conf found what our check did not: the same remedy.
      if (!(error instanceof SyntaxError)) throw error;
      setAside(`is not valid JSON (${error.message})`);
      this.#conf = newConf(cwd);
    }
  }

  /** The conf document's path (follow-ups.json). */
  get path(): string {
    return this.#conf.path;
  }

  settings(): FollowUpSettings {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(followUpSettingsSchema.shape) as (keyof FollowUpSettings)[]) {
      const raw = this.#conf.get(key);
      if (raw === undefined) continue;
      const checked = followUpSettingsSchema.shape[key].safeParse(raw);
      if (checked.success) out[key] = checked.data;
      else
        this.report({
          file: this.#conf.path,
          message: `${key}: ${checked.error.issues[0]?.message ?? 'invalid'}; the default is used`,
        });
    }
    return { ...DEFAULT_SETTINGS, ...out };
  }

  set(change: Partial<FollowUpSettings>): void {
    const checked = followUpSettingsSchema.partial().parse(change);
    for (const [key, value] of Object.entries(checked)) if (value !== undefined) this.#conf.set(key, value);
  }

  /** The scheduler's memory of the clock, kept with the settings; a damaged value is ignored. */
  clockMemory(): ClockMemory {
    const raw = this.#conf.get('clock');
    const memory: ClockMemory = {};
    if (typeof raw !== 'object' || raw === null) return memory;
    const { trustedAt, aheadSince } = raw as Record<string, unknown>;
    if (typeof trustedAt === 'number' && Number.isFinite(trustedAt)) memory.trustedAt = trustedAt;
    if (typeof aheadSince === 'number' && Number.isFinite(aheadSince)) memory.aheadSince = aheadSince;
    return memory;
  }

  rememberClock(memory: ClockMemory): void {
    const value: Record<string, number> = {};
    if (memory.trustedAt !== undefined) value['trustedAt'] = memory.trustedAt;
    if (memory.aheadSince !== undefined) value['aheadSince'] = memory.aheadSince;
    this.#conf.set('clock', value);
  }
}
