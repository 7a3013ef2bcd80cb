// renderMeetingFiles: the one renderer of a meeting's files, for the CLI and the app. Bytes in
// memory; the templates folder is the caller's.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMeeting, type MeetingRecord } from '../../core/meeting/meeting';
import { renderMeetingFiles, type MeetingFilesResult } from '../../electron/services/build';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { advisor, intake } from '../support/samples';
import { pngHeader } from './summary.support';

const text = (bytes: string | Uint8Array) =>
  typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1');

function meetingRecord(value: unknown): MeetingRecord {
  const checked = checkMeeting(value);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

function ok(result: MeetingFilesResult): Extract<MeetingFilesResult, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-meeting-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderMeetingFiles', { timeout: 30_000 }, () => {
  it('renders the five files in order, in memory', async () => {
    const result = ok(
      await renderMeetingFiles({ intake: intake(), advisor: advisor() }, { templatesDir: TEMPLATES_DIR }),
    );
    expect(result.files.map((f) => f.name)).toEqual([
      'plan.json',
      'deck.html',
      'summary.pdf',
      'follow-up.ics',
      'follow-up.eml',
    ]);
    const [plan, deck, pdf, ics, eml] = result.files.map((f) => text(f.bytes));
    expect(JSON.parse(plan ?? '')).toEqual(JSON.parse(JSON.stringify(result.plan)));
    expect(deck).toMatch(/^<!DOCTYPE html>/);
    expect(pdf).toMatch(/^%PDF-/);
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(eml).toContain('X-Unsent: 1');
    expect(result.warnings).toEqual([]);
    expect(result.logo).toBeUndefined();
  });

  it("returns the meeting record's problems, and no files, when it names a slide not in the deck", async () => {
    const meeting = meetingRecord({ shownSlideIds: ['title', 'goal-charity'] });
    const result = await renderMeetingFiles(
      { intake: intake(), advisor: advisor(), meeting },
      { templatesDir: TEMPLATES_DIR },
    );
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'shownSlideIds[1]' })] });
  });

  it('renders without a logo the PDF cannot use, with a warning on the logo field', async () => {
    const bomb = { bytes: new Uint8Array(pngHeader(10000, 10000)), mime: 'image/png' as const };
    const result = ok(
      await renderMeetingFiles({ intake: intake(), advisor: advisor(), logo: bomb }, { templatesDir: TEMPLATES_DIR }),
    );
    expect(result.warnings).toEqual([
      expect.objectContaining({
        path: 'logo',
        message: expect.stringMatching(/10000 × 10000.*; built without the logo$/),
      }),
    ]);
    expect(result.logo).toBeUndefined();
    expect(text(result.files[1]?.bytes ?? '')).not.toContain('data:image/png');
  });

  it('reads the templates from the folder it is given, never from the source tree', async () => {
    const templates = join(dir, 'templates');
    await cp(TEMPLATES_DIR, templates, { recursive: true });
    await writeFile(
      join(templates, 'deck', 'theme.css'),
      `${await readFile(join(TEMPLATES_DIR, 'deck', 'theme.css'), 'utf8')}\n/* firm theme */\n`,
    );
    const result = ok(await renderMeetingFiles({ intake: intake(), advisor: advisor() }, { templatesDir: templates }));
    expect(text(result.files[1]?.bytes ?? '')).toContain('/* firm theme */');

    const empty = resolve(dir, 'no-templates');
    await expect(renderMeetingFiles({ intake: intake(), advisor: advisor() }, { templatesDir: empty })).rejects.toThrow(
      empty,
    );
  });

  it.each(['deck/present.js', 'summary/copy', 'followUp/copy'])(
    'fails when the given templates lack %s, though the source tree has it',
    async (part) => {
      const templates = join(dir, `without-${part.replace('/', '-')}`);
      await cp(TEMPLATES_DIR, templates, { recursive: true });
      await rm(join(templates, part), { recursive: true });
      await expect(
        renderMeetingFiles({ intake: intake(), advisor: advisor() }, { templatesDir: templates }),
      ).rejects.toThrow(/ENOENT/);
    },
  );
});
