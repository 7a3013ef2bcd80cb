// Child process of test/unit/followup-crash.test.ts: writes follow-ups into the store at
// argv[2] as fast as it can, and prints one line per write *after* the write returned
// (`S <id>` scheduled, `D <id>` completed). The test kills it with SIGKILL after a random number
// of acknowledged writes and checks that every printed write is in the store.
//
// It must never outlive the test: it ends on SIGTERM and SIGINT (a plain synchronous loop
// would never let Node run a signal listener, and tsx installs one, so SIGTERM was ignored),
// when its parent goes away, and when its output pipe closes (writeSync throws EPIPE).
import { writeSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { FollowUpStore } from '../../electron/services/followUp/store';

const [cwd, run = '0'] = process.argv.slice(2);
if (!cwd) throw new Error('usage: followup-writer.ts <store folder> [run]');

for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => process.exit(128 + (signal === 'SIGTERM' ? 15 : 2)));
const parent = process.ppid;

const store = FollowUpStore.open({ cwd });
const mine: string[] = [];
writeSync(1, 'READY\n');
for (let i = 0; ; i++) {
  // Between writes, let signal listeners run; an orphan (its test run aborted) stops.
  await yieldToEvents();
  if (process.ppid !== parent) process.exit(0);
  if (i % 4 === 3 && mine.length > 0) {
    // Complete one of this run's follow-ups: an update (new revision, old file deleted).
    const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0] as string;
    store.complete(id);
    writeSync(1, `D ${id}\n`);
    continue;
  }
  const id = `crash-${run}-${i}`;
  store.schedule({
    id,
    prospectId: `p-${run}-${i}`,
    prospectName: `Prospect ${run}-${i}`,
    dueAt: new Date(Date.now() + 86_400_000 * (1 + (i % 30))).toISOString(),
    timeZone: 'Europe/Paris',
    channel: 'email',
    subject: `Following up ${i}`,
    body: `Body of ${id}\n`.repeat(20),
  });
  mine.push(id);
  // Synchronous write to stdout: the line leaves this process before the next write starts.
  writeSync(1, `S ${id}\n`);
}
