// A couple is one household (issue 21.4): the deck, the summary and the email address both of
// them, and the partner is copied. The questions the prospect sent before the meeting (21.2)
// are rows of the wrap-up and stay in the summary and the email with their answers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greetingNames, householdFirstNames, householdName } from '../../core/locale/locale';
import { meetingQuestions } from '../../core/meeting/questions';
import { build } from '../../electron/services/build';
import { sampleIntakeInput } from '../support/samples';
import { pdfText } from './summary.support';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advisor-deck-couples-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const chens = { firstName: 'David', lastName: 'Chen', partner: { firstName: 'Priya', lastName: 'Patel' } };

describe('a household', () => {
  it('names both people, in the language of the letter', () => {
    expect(householdFirstNames('en-US', chens)).toBe('David & Priya');
    expect(householdName('en-US', chens)).toBe('David Chen & Priya Patel');
    expect(householdName('en-US', { ...chens, partner: { firstName: 'Priya' } })).toBe('David Chen & Priya Chen');
    expect(greetingNames('en-US', chens)).toBe('David and Priya');
    expect(greetingNames('fr-CA', chens)).toBe('David et Priya');
    expect(householdName('ja-JP', { firstName: '花子', lastName: '山田', partner: { firstName: '太郎' } })).toBe(
      '山田 花子 & 山田 太郎',
    );
  });

  it('is one person when no partner is named', () => {
    const alone = { firstName: 'David', lastName: 'Chen' };
    expect(householdFirstNames('en-US', alone)).toBe('David');
    expect(householdName('en-US', alone)).toBe('David Chen');
    expect(greetingNames('en-US', alone)).toBe('David');
  });
});

describe('the questions of a meeting', () => {
  const intake = { questions: ['How are you paid?', 'How often would we meet?'] };

  it('keeps those sent before the meeting that the record does not list, after its own', () => {
    const asked = meetingQuestions(intake, {
      questions: [{ text: 'how are you  paid?', answer: 'A flat fee.' }, { text: 'Can we meet monthly?' }],
    });
    expect(asked.map((q) => q.text)).toEqual([
      'how are you  paid?',
      'Can we meet monthly?',
      'How often would we meet?',
    ]);
    expect(asked[2]).toEqual({ text: 'How often would we meet?', before: true });
  });

  it('lists the intake questions alone when nothing was recorded', () => {
    expect(meetingQuestions(intake, undefined)).toEqual([
      { text: 'How are you paid?', before: true },
      { text: 'How often would we meet?', before: true },
    ]);
  });
});

describe("a couple's meeting files", { timeout: 60_000 }, () => {
  it('address both of them: deck, summary and email (the partner copied), with the questions sent ahead answered', async () => {
    const intake = sampleIntakeInput();
    intake.prospect = {
      ...intake.prospect,
      firstName: 'David',
      lastName: 'Chen',
      email: 'david.chen@example.com',
      partner: { firstName: 'Priya', lastName: 'Patel', email: 'priya.patel@example.com' },
    };
    const meeting = {
      endedAt: '2026-12-03T14:24',
      questions: [
        { text: 'How are you paid?', answer: 'A flat annual fee, agreed in writing.', before: true },
        { text: 'How often would we meet?', before: true },
        { text: 'What happens to my 401(k)?', answer: 'It can roll over.' },
      ],
    };
    await writeFile(join(dir, 'intake.json'), JSON.stringify(intake));
    await writeFile(join(dir, 'meeting.json'), JSON.stringify(meeting));
    const outDir = join(dir, 'out');
    const result = await build({
      intakePath: join(dir, 'intake.json'),
      meetingPath: join(dir, 'meeting.json'),
      outDir,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.invalid));

    const closing = result.plan.deck.slides.find((s) => s.id === 'closing');
    expect(closing?.title).toBe('Thank you, David & Priya');
    expect(result.plan.deck.slides.find((s) => s.id === 'title')?.title).toBe('David Chen & Priya Patel');

    const text = await pdfText(join(outDir, 'summary.pdf'));
    expect(text).toContain('Prepared for David Chen & Priya Patel');
    expect(text).toContain('How are you paid? A flat annual fee, agreed in writing.');
    expect(text).toContain('How often would we meet? We will come back to you on this.');
    expect(text).toContain('What happens to my 401(k)? It can roll over.');

    const mail = await simpleParser(await readFile(join(outDir, 'follow-up.eml')));
    expect(mail.text).toMatch(/^Dear David and Priya,/);
    expect(mail.text).toContain('How often would we meet?');
    const addresses = (a: AddressObject | AddressObject[] | undefined) =>
      (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address));
    expect(addresses(mail.to)).toEqual(['david.chen@example.com']);
    expect(addresses(mail.cc)).toEqual(['priya.patel@example.com']);
  });
});
