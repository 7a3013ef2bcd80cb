// Damaged meeting files (issue 17.7): a meeting-live.json or a meetings/<when>/meeting.json that
// cannot be read is renamed aside (never deleted, never over another file) and reported, on the
// prospect's screens (meeting:get, present:start) and the Prospects screen; the rest of the
// prospect goes on (present starts a new meeting, wrap-up works). Real files in a temp folder.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { setAsideFile } from '../../electron/services/setAside';
import { sampleIntakeInput } from '../support/samples';

vi.setConfig({ testTimeout: 120_000 });

const ID = 'p-00000000000000aa';
/** A fixed clock: the name a file is set aside under is known before it happens. */
const NOW = Date.parse('2026-12-03T23:00:00Z');
const STAMP = '2026-12-03T23-00-00-000Z';
/** The sample intake's meeting (2026-12-03T14:00) names its folder. */
const MEETING = '2026-12-03T1400';
let dir: string;
let app: AdvisorDeckApp;
const prospectDir = () => join(dir, 'prospects', ID);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-damaged-meeting-'));
  copyFileSync(join(TEMPLATES_DIR, 'samples', 'advisor.json'), join(dir, 'advisor.json'));
  app = await openApp({
    dataDir: dir,
    templatesDir: TEMPLATES_DIR,
    holder: 'a unit test',
    now: () => NOW,
    platform: {
      name: 'Advisor Deck',
      version: '0',
      openExternal: async () => false,
      openPath: async () => false,
      notify: () => false,
      applySettings: () => undefined,
    },
  });
  expect(
    (
      await app.handlers['prospects:save']({
        id: ID,
        intake: sampleIntakeInput() as unknown as Record<string, unknown>,
      })
    ).saved,
  ).toBe(true);
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a damaged meeting in progress', () => {
  it('is set aside with its bytes, reported, and a new meeting starts', async () => {
    const h = app.handlers;
    await h['meeting:start']({ id: ID });
    await h['meeting:record']({ id: ID, event: { kind: 'question', text: 'Can we retire at 60?' } });
    // Cut short (a disk that filled up, an editor): the questions are in it, for a person to read.
    const damaged = readFileSync(join(prospectDir(), 'meeting-live.json'), 'utf8').slice(0, 60);
    writeFileSync(join(prospectDir(), 'meeting-live.json'), damaged);

    const got = await h['meeting:get']({ id: ID });
    expect(got.live).toBeNull();
    const keptAs = `meeting-live.damaged-${STAMP}.json`;
    expect(got.problems).toEqual([
      { file: 'meeting-live.json', keptAs, message: `is not valid JSON; it was kept as ${keptAs}` },
    ]);
    expect(readFileSync(join(prospectDir(), keptAs), 'utf8')).toBe(damaged);
    expect(await h['prospects:list'](undefined)).toMatchObject({
      problems: [
        { file: join(prospectDir(), 'meeting-live.json'), message: expect.stringContaining(keptAs) as unknown },
      ],
    });

    // Present starts afresh, says why, and never writes over the copy.
    const started = await h['present:start']({ id: ID });
    if (!started.ready) throw new Error('present did not start');
    expect(started.meeting.questions).toEqual([]);
    expect(started.problems?.[0]?.keptAs).toBe(keptAs);
    expect(readFileSync(join(prospectDir(), keptAs), 'utf8')).toBe(damaged);
    expect(JSON.parse(readFileSync(join(prospectDir(), 'meeting-live.json'), 'utf8'))).toMatchObject({
      v: 1,
      questions: [],
    });
  });

  it('never renames over a file set aside before, and sets aside a file that is JSON but not a meeting', async () => {
    const h = app.handlers;
    const first = `meeting-live.damaged-${STAMP}.json`;
    writeFileSync(join(prospectDir(), first), 'set aside earlier');
    writeFileSync(
      join(prospectDir(), 'meeting-live.json'),
      JSON.stringify({ v: 1, startedAt: 'yesterday', visits: [], questions: [] }),
    );
    const { problems } = await h['meeting:get']({ id: ID });
    const second = `meeting-live.damaged-${STAMP}-2.json`;
    expect(problems.map((p) => p.keptAs)).toEqual([second]);
    expect(problems[0]?.message).toMatch(/does not pass its check/);
    expect(readFileSync(join(prospectDir(), first), 'utf8')).toBe('set aside earlier');
    expect(JSON.parse(readFileSync(join(prospectDir(), second), 'utf8'))).toMatchObject({ startedAt: 'yesterday' });
    // Recording goes on in a new meeting file.
    const live = await h['meeting:record']({ id: ID, event: { kind: 'slide', slideId: 'title' } });
    expect(live.visits.map((v) => v.slideId)).toEqual(['title']);
  });

  it('setAsideFile counts on past -2 and keeps every earlier copy', async () => {
    const folder = prospectDir();
    for (const name of [`x.damaged-${STAMP}.json`, `x.damaged-${STAMP}-2.json`])
      writeFileSync(join(folder, name), name);
    writeFileSync(join(folder, 'x.json'), 'new');
    expect(await setAsideFile(join(folder, 'x.json'), NOW)).toBe(`x.damaged-${STAMP}-3.json`);
    expect(
      readdirSync(folder)
        .filter((n) => n.startsWith('x.'))
        .sort(),
    ).toEqual([`x.damaged-${STAMP}-2.json`, `x.damaged-${STAMP}-3.json`, `x.damaged-${STAMP}.json`]);
  });
});

describe('a damaged meeting record', () => {
  it('is set aside and reported, and wrap-up still works', async () => {
    const h = app.handlers;
    const folder = join(prospectDir(), 'meetings', MEETING);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'meeting.json'), '{"endedAt": "2026-12-03T14:');

    const got = await h['meeting:get']({ id: ID });
    expect(got.last).toBeNull();
    const keptAs = `meeting.damaged-${STAMP}.json`;
    expect(got.problems).toEqual([
      { file: 'meeting.json', meeting: MEETING, keptAs, message: `is not valid JSON; it was kept as ${keptAs}` },
    ]);
    expect(existsSync(join(folder, keptAs))).toBe(true);
    expect(existsSync(join(folder, 'meeting.json'))).toBe(false);

    await h['meeting:start']({ id: ID });
    await h['meeting:end']({ id: ID });
    const wrapped = await h['meeting:wrapUp']({
      id: ID,
      questions: [{ text: 'Fees?' }],
      followUpAt: '2026-12-08T10:00',
      revision: (await h['meeting:get']({ id: ID })).revision,
    });
    if (!wrapped.done) throw new Error(JSON.stringify(wrapped.problems));
    expect(JSON.parse(readFileSync(join(folder, 'meeting.json'), 'utf8'))).toMatchObject({
      questions: [{ text: 'Fees?' }],
    });
    expect(readFileSync(join(folder, keptAs), 'utf8')).toBe('{"endedAt": "2026-12-03T14:');
  });
});
