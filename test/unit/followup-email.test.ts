// The follow-up email's words (core/followUp/email.ts): the subject rules, the takeaways, the
// language, and the shipped copy itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildFollowUpDraft,
  checkFollowUpCopy,
  subjectProblems,
  type FollowUpCopy,
  type FollowUpDraft,
  type RecordedMeeting,
} from '../../core/followUp/email';
import { GOALS, type Intake, type IntakeInput } from '../../core/intake/intake';
import { planDeck, type DeckRecipe } from '../../core/plan/planDeck';
import { loadFollowUpCopy } from '../../electron/services/followUp/copy';
import { loadRecipe, TEMPLATES_DIR } from '../../electron/services/recipes';
import { advisor, intake } from '../support/samples';

let recipe: DeckRecipe;
let copy: Readonly<Record<string, FollowUpCopy>>;
beforeAll(async () => {
  recipe = await loadRecipe('first-meeting');
  copy = loadFollowUpCopy();
});

function draft(change: (i: IntakeInput) => void = () => {}, meeting?: RecordedMeeting): FollowUpDraft {
  const i: Intake = intake(change);
  const a = advisor();
  return buildFollowUpDraft({ intake: i, advisor: a, plan: planDeck(i, a, recipe), meeting, copy });
}

describe('the subject', () => {
  it('names the prospect and their topic: their urgent need in their words', () => {
    // Maria comes with her husband Daniel: the email is to both of them.
    expect(draft().subject).toBe('Maria and Daniel, following up on “Sell the practice within three years”');
    expect(draft((i) => delete i.prospect.partner).subject).toBe(
      'Maria, following up on “Sell the practice within three years”',
    );
  });

  it('writes to a couple together and copies the partner when the intake has their email', () => {
    const d = draft((i) => i.prospect.partner && (i.prospect.partner.email = 'daniel.lopez@example.com'));
    expect(d.body).toMatch(/^Dear Maria and Daniel,/);
    expect(d.to).toEqual({ name: 'Maria Lopez', address: 'maria.lopez@example.com' });
    expect(d.cc).toEqual({ name: 'Daniel Lopez', address: 'daniel.lopez@example.com' });
    expect(d.mailto).toContain('cc=daniel.lopez@example.com&');
    expect(d.event.description).toContain('daniel.lopez@example.com');
    const alone = draft((i) => delete i.prospect.partner);
    expect(alone.body).toMatch(/^Dear Maria,/);
    expect(alone.cc).toBeUndefined();
  });

  it('falls back to their first goal when the urgent need would not read as a subject', () => {
    for (const urgentNeed of [
      'Need help NOW!!!',
      'URGENT: my pension',
      'Find a guaranteed income for my mother',
      'Get a FREE second opinion',
      'A very long account of everything that is going on with the practice and the family',
      undefined,
    ]) {
      const d = draft((i) => {
        if (urgentNeed === undefined) delete i.urgentNeed;
        else i.urgentNeed = urgentNeed;
      });
      expect(d.subject, urgentNeed).toBe('Maria and Daniel, following up on your retirement plans');
    }
  });

  it('never shouts: a name typed in capitals is written as a name, exclamation marks dropped', () => {
    expect(draft((i) => (i.prospect.firstName = 'JEAN-LUC')).subject).toMatch(/^Jean-Luc and Daniel, /);
    expect(draft((i) => (i.prospect.firstName = "MARY O'NEIL")).subject).toMatch(/^Mary O'Neil and Daniel, /);
    expect(draft((i) => (i.prospect.firstName = 'Ana!')).subject).toMatch(/^Ana and Daniel, /);
    expect(draft((i) => (i.prospect.firstName = 'JP')).subject).toMatch(/^JP and Daniel, /);
    // The partner's name is written as a name too.
    expect(draft((i) => i.prospect.partner && (i.prospect.partner.firstName = 'DANIEL!')).subject).toMatch(
      /^Maria and Daniel, /,
    );
  });

  it('keeps acronyms people use about money', () => {
    expect(subjectProblems('Maria, following up on “Roll my IRA into an ETF”', copy['en']?.spamWords ?? [])).toEqual(
      [],
    );
    expect(subjectProblems('Maria, FOLLOWING up', [])).toEqual(['is written in capitals']);
    expect(subjectProblems('MARIA, HI', [])).toEqual(['is written in capitals']);
    expect(subjectProblems('Act now!', ['act now'])).toEqual([
      'has an exclamation mark',
      'has the spam-trigger word "act now"',
    ]);
    // Whole words only: "freedom" is not "free".
    expect(subjectProblems('Financial freedom', ['free'])).toEqual([]);
  });

  it('is one line even when a name holds a newline', () => {
    expect(draft((i) => (i.prospect.firstName = 'Ma\nria')).subject).toMatch(/^Ma ria and Daniel, /);
  });
});

describe('the body', () => {
  it('lists exactly three takeaways, from the slides the prospect saw', () => {
    expect(draft().takeaways).toHaveLength(3);
    const shown = draft(undefined, { shownSlideIds: ['title', 'what-we-heard', 'goal-tax', 'fees'] });
    expect(shown.takeaways).toEqual([
      'We looked at ways to manage taxes.',
      'Our fees are transparent and explained in writing before you commit.',
      'We confirmed what matters most to you, in your order of priority.',
    ]);
  });

  it('still lists three takeaways when the meeting showed fewer slides, topped up from the deck', () => {
    for (const shownSlideIds of [[], ['fees', 'title']]) {
      const d = draft(undefined, { shownSlideIds });
      expect(d.takeaways).toHaveLength(3);
      expect(new Set(d.takeaways).size).toBe(3);
    }
    expect(draft(undefined, { shownSlideIds: ['fees', 'title'] }).takeaways[0]).toBe(
      'Our fees are transparent and explained in writing before you commit.',
    );
  });

  it('answers the recorded questions, and says which answers are still to come', () => {
    const d = draft(undefined, {
      questions: [{ text: 'How are you paid?', answer: 'A flat fee.\nIn writing.' }, { text: 'Can we meet monthly?' }],
    });
    // The question they sent before the meeting and did not get an answer to is there too.
    expect(d.body).toContain(
      'Your questions, with my answers:\n• How are you paid?\n  A flat fee.\n  In writing.\n• Can we meet monthly?\n  I am looking into this and will come back to you.\n• How often would we meet?\n  I am looking into this and will come back to you.',
    );
  });

  it('without a meeting record, lists the questions the prospect sent', () => {
    expect(draft().body).toContain(
      'We went through the questions you sent before our meeting:\n• How are you paid?\n• How often would we meet?',
    );
    expect(
      draft((i) => {
        delete i.questions;
      }).body,
    ).not.toContain('questions');
  });

  it('writes French for fr, fr-CA and fr-FR, English otherwise', () => {
    for (const locale of ['fr', 'fr-CA', 'fr-FR']) {
      const d = draft((i) => (i.locale = locale));
      expect(d.language).toBe('fr');
      expect(d.body).toMatch(/^Bonjour Maria et Daniel,/);
      expect(d.subject).toBe(
        'Maria et Daniel, pour faire suite à notre échange\u00A0: «\u00A0Sell the practice within three years\u00A0»',
      );
    }
    expect(draft((i) => (i.locale = 'de-DE')).language).toBe('en');
  });
});

describe('the shipped copy (templates/followUp/copy)', () => {
  const dir = join(TEMPLATES_DIR, 'followUp', 'copy');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it.each(files)('%s passes its schema and names its own language', (file) => {
    const checked = checkFollowUpCopy(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.value.language).toBe(file.replace('.json', ''));
  });

  it.each(files)(
    '%s: every goal’s subject and the fixed words are free of spam triggers, capitals and exclamation marks',
    (file) => {
      const c = copy[file.replace('.json', '')] as FollowUpCopy;
      for (const goal of GOALS) {
        const subject = c.subject.replace('{firstName}', 'Maria').replace('{topic}', c.topics[goal]);
        expect(subjectProblems(subject, c.spamWords), subject).toEqual([]);
      }
      const fixed = [
        c.greeting,
        c.thanks,
        c.takeawaysIntro,
        c.urgentTakeaway,
        c.questionsIntro,
        c.questionsIntroUnrecorded,
        c.pendingAnswer,
        c.nextStep,
        c.attachment,
        c.signOff,
      ];
      for (const text of fixed) expect(subjectProblems(text.replace(/\{\w+\}/g, 'x'), c.spamWords), text).toEqual([]);
    },
  );
});
