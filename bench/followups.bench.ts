import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFollowUp, type NewFollowUp } from '../core/followUp/record';
import { FollowUpScheduler } from '../electron/services/followUp/scheduler';
import { FollowUpStore } from '../electron/services/followUp/store';
import { recordFileName } from '../electron/services/followUp/recordFiles';
import { FOLLOW_UPS_DIR as RECORDS_DIR } from '../core/dataFolder';
import { ms, percentile, time, type Row } from './measure';

const STORED = 10_000;
const DAY = 86_400_000;

function follow(i: number, now: number): NewFollowUp {
  return {
    id: `fu-bench-${i}`,
    prospectId: `p-${i}`,
    prospectName: `Prospect ${i}`,
    dueAt: new Date(now + ((i * 7919) % (90 * DAY))).toISOString(),
    timeZone: i % 2 ? 'America/New_York' : 'Europe/Paris',
    channel: 'email',
    subject: `Prospect ${i}, following up on your retirement plans`,
    body: 'Dear Prospect,\n\nThank you again for taking the time to meet with me.\n'.repeat(20),
  };
}

/**
 * The follow-up store with 10,000 stored follow-ups: open (list the folder, build the index),
 * schedule or complete one (an fsync'd atomic write), re-arm the scheduler's one timer.
 * The 10,000 files are laid down directly (no fsync, 10,000 fsyncs would take a minute); the
 * measured operations do fsync. Open is measured with the files in the OS cache, as on a
 * second start of the app.
 */
export async function benchFollowUps(): Promise<Row[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'advisor-deck-bench-followups-'));
  try {
    const now = Date.now();
    const dir = join(cwd, RECORDS_DIR);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < STORED; i++) {
      const record = createFollowUp(follow(i, now), now);
      writeFileSync(join(dir, recordFileName(record, 1)), JSON.stringify(record, null, 1));
    }

    const opens = await time(Array.from({ length: 30 }), () => FollowUpStore.open({ cwd }), 3);
    const store = FollowUpStore.open({ cwd });
    if (store.size !== STORED) throw new Error(`the bench store holds ${store.size} follow-ups, not ${STORED}`);
    // What open does not do: read and zod-check every record (the first full list does it).
    const readAllStart = performance.now();
    if (store.verify().length > 0) throw new Error('the bench store has damaged records');
    const readAll = performance.now() - readAllStart;

    // Each input can be scheduled once and completed once: warm up on others, then measure.
    const warmup = Array.from({ length: 20 }, (_, i) => follow(STORED + 1000 + i, now));
    for (const f of warmup) store.complete(store.schedule(f).id);
    const fresh = Array.from({ length: 200 }, (_, i) => follow(STORED + i, now));
    const schedules = await time(fresh, (f) => store.schedule(f), 0);
    const completes = await time(fresh, (f) => store.complete(f.id), 0);

    const scheduler = new FollowUpScheduler({ store, notify: () => {}, jumpCheckMs: 0 });
    scheduler.start();
    const rearms = await time(Array.from({ length: 2000 }), () => scheduler.rearm(), 200);
    scheduler.stop();

    const open50 = percentile(opens, 50);
    const schedule50 = percentile(schedules, 50);
    const complete50 = percentile(completes, 50);
    const rearm50 = percentile(rearms, 50);
    return [
      {
        name: 'follow-ups: store open, 10,000 stored (median)',
        value: `${ms(open50)} (p95 ${ms(percentile(opens, 95))})`,
        target: '≤ 100 ms',
        ok: open50 <= 100,
      },
      {
        name: 'follow-ups: schedule / complete one, 10,000 stored (median, fsync)',
        value: `${ms(schedule50)} / ${ms(complete50)} (p95 ${ms(percentile(schedules, 95))} / ${ms(percentile(completes, 95))})`,
        target: '≤ 5 ms',
        ok: schedule50 <= 5 && complete50 <= 5,
      },
      {
        name: 'follow-ups: re-arm the timer, 10,000 stored (median)',
        value: `${ms(rearm50)} (p95 ${ms(percentile(rearms, 95))})`,
        target: '≤ 5 ms',
        ok: rearm50 <= 5,
      },
      { name: 'follow-ups: read and check all 10,000 records once', value: ms(readAll), target: '(info)', ok: true },
    ];
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
