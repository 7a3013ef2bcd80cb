// follow-up.ics and follow-up.eml read back by independent parsers (ical.js, mailparser):
// the event is at dueAt, the attachment is summary.pdf byte for byte, and text from the
// prospect, the advisor or the meeting stays text: no new header, no new calendar line.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAdvisor, type Advisor } from '../../core/advisor/advisor';
import type { RecordedMeeting } from '../../core/followUp/email';
import { buildFollowUpDraft } from '../../core/followUp/email';
import { checkIntake, type Intake } from '../../core/intake/intake';
import { planDeck, type DeckPlan, type DeckRecipe } from '../../core/plan/planDeck';
import { buildFollowUpIcs } from '../../electron/services/followUp/calendar';
import { loadFollowUpCopy } from '../../electron/services/followUp/copy';
import { buildFollowUpFiles } from '../../electron/services/followUp';
import { FOLLOW_UP_EML, FOLLOW_UP_ICS } from '../../core/dataFolder';
import { buildFollowUpEml } from '../../electron/services/followUp/mail';
import { loadRecipe } from '../../electron/services/recipes';
import { advisor as sampleAdvisor, HOSTILE, intake as sampleIntake } from '../support/samples';

const root = join(import.meta.dirname, '../..');
const INJECTIONS = [
  'x\r\nBcc: evil@example.com',
  'y\nBcc: evil@example.com',
  'z\rX-Evil: 1',
  'w\r\nATTENDEE;CN=Evil:mailto:evil@example.com',
  'END:VEVENT\r\nBEGIN:VEVENT',
];
const HOSTILE_ALL = [...HOSTILE, ...INJECTIONS];

let recipe: DeckRecipe;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
});

/** Bytes standing in for summary.pdf: every byte value, so any re-encoding would show. */
const pdf = Uint8Array.from(
  Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    randomBytes(40_000),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  ]),
);

function fixture<T>(name: string, check: (v: unknown) => { ok: true; value: T } | { ok: false }): T {
  const checked = check(JSON.parse(readFileSync(join(root, 'test/fixtures', name), 'utf8')));
  if (!checked.ok) throw new Error(`fixture ${name} is invalid`);
  return checked.value;
}

interface Built {
  intake: Intake;
  advisor: Advisor;
  plan: DeckPlan;
  ics: string;
  eml: Buffer;
  mail: ParsedMail;
  subject: string;
}

async function build(intake: Intake, advisor: Advisor, meeting?: RecordedMeeting): Promise<Built> {
  const plan = planDeck(intake, advisor, recipe);
  const subject = buildFollowUpDraft({ intake, advisor, plan, meeting, copy: loadFollowUpCopy() }).subject;
  const ics = buildFollowUpIcs({ intake, advisor, plan, subject });
  const eml = await buildFollowUpEml({ intake, advisor, plan, meeting, summaryPdf: pdf });
  return { intake, advisor, plan, ics, eml, mail: await simpleParser(eml), subject };
}

function vevent(ics: string): ICAL.Event {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return new ICAL.Event(events[0]);
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value);

describe('follow-up.ics (read with ical.js)', () => {
  it('is one event at dueAt with an alarm at that time, the prospect’s contacts and the email subject', async () => {
    const b = await build(sampleIntake(), sampleAdvisor());
    const event = vevent(b.ics);
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(b.plan.followUp.dueAt));
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-08T18:00:00.000Z');
    expect(event.summary).toBe('Follow up with Maria Lopez & Daniel Lopez');
    expect(event.description).toContain('+1 415 555 0134');
    expect(event.description).toContain('maria.lopez@example.com');
    expect(event.description).toContain(`Email subject: ${b.subject}`);
    const alarms = event.component.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    const trigger = alarms[0]?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(0);
    expect(alarms[0]?.getFirstPropertyValue('action')).toBe('DISPLAY');
    // DTSTAMP is the meeting, not the clock: the file is the same on every build.
    expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-03T22:00:00Z');
  });

  it('is byte-identical across builds; its UID is the follow-up’s own, so a new time updates the same event', async () => {
    const a = await build(sampleIntake(), sampleAdvisor());
    const again = await build(sampleIntake(), sampleAdvisor());
    expect(again.ics).toBe(a.ics);
    const later = await build(
      sampleIntake(),
      sampleAdvisor((x) => (x.followUp = { preferredTime: '14:00', holidays: [] })),
    );
    expect(vevent(later.ics).uid).toBe(vevent(a.ics).uid);
    expect(vevent(later.ics).startDate.toString()).not.toBe(vevent(a.ics).startDate.toString());
    expect(vevent(a.ics).uid).toMatch(/^fu-[0-9a-f]{24}@advisor-deck$/);
    const other = await build(
      sampleIntake((i) => (i.meeting.startsAt = '2026-12-10T14:00')),
      sampleAdvisor(),
    );
    expect(vevent(other.ics).uid).not.toBe(vevent(a.ics).uid);
  });

  it('keeps RFC 5545 lines: CRLF ends, folded at 75 octets (not characters), nothing but known properties', async () => {
    const b = await build(
      sampleIntake((i) => (i.prospect.firstName = 'Maximiliana-Konstantina Alexandrovna Wilhelmina 山田花子')),
      sampleAdvisor(),
    );
    expect(b.ics.endsWith('\r\n')).toBe(true);
    expect(b.ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of b.ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('keeps hostile and injected text as text: no new property, no new component', async () => {
    const intake = fixture('intake-hostile.json', checkIntake);
    // Names may hold a newline (the intake allows it); a bare \r the intake refuses is given here directly.
    const withInjections: Intake = {
      ...intake,
      prospect: {
        ...intake.prospect,
        firstName: INJECTIONS[3] as string,
        lastName: INJECTIONS[4] as string,
        phone: INJECTIONS[2] as string,
      },
    };
    for (const i of [intake, withInjections]) {
      const b = await build(i, fixture('advisor-hostile.json', checkAdvisor));
      const calendar = new ICAL.Component(ICAL.parse(b.ics));
      expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vevent']);
      const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
      expect(
        event
          .getAllProperties()
          .map((p) => p.name)
          .sort(),
      ).toEqual([
        'description',
        'dtstamp',
        'dtstart',
        'duration',
        'status',
        'summary',
        'uid',
        'x-microsoft-cdo-busystatus',
      ]);
      expect(event.getAllSubcomponents().map((c) => c.name)).toEqual(['valarm']);
      expect(
        (event.getFirstSubcomponent('valarm') as ICAL.Component)
          .getAllProperties()
          .map((p) => p.name)
          .sort(),
      ).toEqual(['action', 'description', 'trigger']);
      const summary = String(event.getFirstPropertyValue('summary'));
      expect(summary).toContain(
        i.prospect.firstName
          .replace(/\r\n?/g, '\n')
          .replace(/[\r\t]/g, ' ')
          .split('\n')[0],
      );
      expect(String(event.getFirstPropertyValue('description'))).toContain('Email subject: ');
    }
  });
});

describe('follow-up.eml (read with mailparser)', () => {
  it('is a draft to the prospect with summary.pdf attached byte for byte', async () => {
    const b = await build(sampleIntake(), sampleAdvisor());
    const m = b.mail;
    expect(m.headers.get('x-unsent')).toBe('1');
    expect(addresses(m.to)).toEqual([{ address: 'maria.lopez@example.com', name: 'Maria Lopez' }]);
    expect(addresses(m.from)).toEqual([{ address: 'jordan.avery@harborpine.example', name: 'Jordan Avery' }]);
    expect(m.subject).toBe(b.subject);
    expect(m.subject).toMatch(/^Maria and Daniel, /);
    expect(m.date?.toISOString()).toBe(new Date(b.plan.followUp.dueAt).toISOString());
    expect(m.messageId).toMatch(/^<[0-9a-f]{32}\.follow-up@harborpine\.example>$/);
    expect(m.attachments).toHaveLength(1);
    const attachment = m.attachments[0];
    expect(attachment?.filename).toBe('summary.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(Buffer.compare(attachment?.content ?? Buffer.alloc(0), Buffer.from(pdf))).toBe(0);
  });

  it('says thank you, the three takeaways, the answers, the next step, then signs', async () => {
    const meeting: RecordedMeeting = {
      questions: [
        { text: 'How are you paid?', answer: 'A flat annual fee, agreed in writing.' },
        { text: 'How often would we meet?' },
      ],
    };
    const b = await build(sampleIntake(), sampleAdvisor(), meeting);
    const text = b.mail.text ?? '';
    expect(text).toMatch(
      /^Dear Maria and Daniel,\n\nThank you again for taking the time to meet with me on Thursday, December 3, 2026\./,
    );
    const takeaways = text
      .split('Three things I would like you to keep from our conversation:\n')[1]
      ?.split('\n\n')[0]
      ?.split('\n');
    expect(takeaways).toEqual([
      '• We started with what is most pressing for you: Sell the practice within three years',
      '• We looked at what retiring on your terms takes.',
      '• We discussed how to plan for education costs.',
    ]);
    expect(text).toContain('• How are you paid?\n  A flat annual fee, agreed in writing.');
    expect(text).toContain('• How often would we meet?\n  I am looking into this and will come back to you.');
    expect(text).toContain('As a next step, I suggest we meet again');
    expect(text).toMatch(
      /Kind regards,\nJordan Avery, CFP®, CFA\nSenior Wealth Advisor\nHarbor & Pine Wealth Partners\n\+1 415 555 0100\njordan\.avery@harborpine\.example\nhttps:\/\/harborpine\.example\/\n$/,
    );
  });

  it('is byte-identical across builds', async () => {
    const a = await build(sampleIntake(), sampleAdvisor());
    const b = await build(sampleIntake(), sampleAdvisor());
    expect(Buffer.compare(a.eml, b.eml)).toBe(0);
  });

  it('has no To: when the intake has no email (still a draft with the summary)', async () => {
    const b = await build(
      sampleIntake((i) => {
        delete i.prospect.email;
      }),
      sampleAdvisor(),
    );
    expect(b.mail.to).toBeUndefined();
    expect(b.mail.headers.get('x-unsent')).toBe('1');
    expect(b.mail.attachments).toHaveLength(1);
  });

  it('is in French for a fr-CA prospect', async () => {
    const b = await build(fixture('intake-fr.json', checkIntake), sampleAdvisor());
    expect(b.mail.subject).toMatch(/^Élodie, pour faire suite à notre échange/);
    expect(b.mail.text).toMatch(/^Bonjour Élodie,\n\nMerci encore/);
    expect(b.mail.text).toContain('Bien cordialement,');
    expect(vevent(b.ics).summary).toBe('Relancer Élodie Côté-Lefèvre');
  });

  it('keeps hostile and injected text as text: no new header, same attachment', async () => {
    const intake = fixture('intake-hostile.json', checkIntake);
    const hostileAdvisor = fixture('advisor-hostile.json', checkAdvisor);
    // The advisor's and the meeting's fields as they might arrive from elsewhere than a checked file.
    const advisor: Advisor = {
      ...hostileAdvisor,
      name: INJECTIONS[0] as string,
      title: INJECTIONS[2] as string,
      firm: INJECTIONS[1] as string,
    };
    const meeting: RecordedMeeting = {
      questions: HOSTILE_ALL.map((text, i) => ({ text, answer: HOSTILE_ALL[(i + 1) % HOSTILE_ALL.length] })),
    };
    const withNewline: Intake = {
      ...intake,
      prospect: { ...intake.prospect, firstName: INJECTIONS[1] as string, lastName: INJECTIONS[0] as string },
    };
    for (const i of [intake, withNewline]) {
      const b = await build(i, advisor, meeting);
      const m = b.mail;
      expect([...m.headers.keys()].sort()).toEqual([
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'subject',
        'to',
        'x-unsent',
      ]);
      expect(m.bcc).toBeUndefined();
      expect(m.cc).toBeUndefined();
      expect(addresses(m.to).map((a) => a.address)).toEqual(['x+{{7*7}}@example.com']);
      expect(addresses(m.from).map((a) => a.address)).toEqual(["o'brien+b@example.com"]);
      expect(m.subject).toBe(b.subject);
      expect(m.subject).not.toMatch(/[\r\n]/);
      expect(Buffer.compare(m.attachments[0]?.content ?? Buffer.alloc(0), Buffer.from(pdf))).toBe(0);
      for (const s of HOSTILE) expect(m.text).toContain(s);
      // The header blocks of the message and of each MIME part: only the headers we set.
      const headerNames: string[] = [];
      let inHeader = true;
      for (const l of b.eml.toString('latin1').split('\r\n')) {
        if (l.startsWith('--')) inHeader = true;
        else if (l === '') inHeader = false;
        else if (inHeader && !/^[ \t]/.test(l)) headerNames.push(l.slice(0, l.indexOf(':')).toLowerCase());
      }
      expect(new Set(headerNames)).toEqual(
        new Set([
          'x-unsent',
          'from',
          'to',
          'subject',
          'message-id',
          'date',
          'mime-version',
          'content-type',
          'content-transfer-encoding',
          'content-disposition',
        ]),
      );
    }
  });
});

describe('buildFollowUpFiles (what the CLI build calls)', () => {
  it('gives the .ics and .eml of one draft, the same bytes as the separate builders', async () => {
    const i = sampleIntake();
    const a = sampleAdvisor();
    const plan = planDeck(i, a, recipe);
    const files = await buildFollowUpFiles({ intake: i, advisor: a, plan, summaryPdf: pdf });
    expect(files.ics).toBe(buildFollowUpIcs({ intake: i, advisor: a, plan, subject: files.draft.subject }));
    expect(Buffer.compare(files.eml, await buildFollowUpEml({ intake: i, advisor: a, plan, summaryPdf: pdf }))).toBe(0);
    expect([FOLLOW_UP_ICS, FOLLOW_UP_EML]).toEqual(['follow-up.ics', 'follow-up.eml']);
  });
});

describe('mailto: link', () => {
  it('carries the subject and the body, percent-encoded, for clients without .eml drafts', () => {
    const i = sampleIntake((x) => (x.prospect.email = 'x+{{7*7}}@example.com'));
    const a = sampleAdvisor();
    const draft = buildFollowUpDraft({ intake: i, advisor: a, plan: planDeck(i, a, recipe), copy: loadFollowUpCopy() });
    const url = new URL(draft.mailto);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('x+{{7*7}}@example.com');
    expect(url.searchParams.get('subject')).toBe(draft.subject);
    expect(url.searchParams.get('body')).toBe(draft.body.replace(/\n/g, '\r\n'));
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
  });
});
