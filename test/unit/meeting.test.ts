import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMeeting, checkMeetingAgainstDeck } from '../../core/meeting/meeting';
import { formatProblem } from '../../core/validation';

const sample = () =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/meeting-sample.json'), 'utf8')) as Record<
    string,
    unknown
  >;
const problems = (input: unknown) => {
  const result = checkMeeting(input);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('meeting record schema', () => {
  it('accepts the sample, and an empty record (every field is optional)', () => {
    expect(checkMeeting(sample()).ok).toBe(true);
    expect(checkMeeting({}).ok).toBe(true);
  });

  it('is strict: unknown fields are named, with the likely spelling', () => {
    expect(problems({ ...sample(), question: [] })).toEqual(['question: unknown field (did you mean "questions"?)']);
    expect(problems({ questions: [{ text: 'Why?', anwser: 'Because' }] })).toEqual([
      'questions[0].anwser: unknown field (did you mean "answer"?)',
    ]);
  });

  it('reports every problem, each naming its field', () => {
    const list = problems({
      endedAt: '2026-12-03 14:24',
      shownSlideIds: ['title', 'Not An Id', 7],
      questions: [{ text: '' }, { text: 'x'.repeat(2001) }, { text: 'ok', answer: 'a\u0000b' }],
      notes: 'n'.repeat(5001),
    });
    expect(list).toEqual([
      'endedAt: must be a local date and time like 2026-12-03T14:24',
      'shownSlideIds[1]: must be a slide id like "fees" or "goal-retirement"',
      'shownSlideIds[2]: must be text, not a number',
      'questions[0].text: must not be empty',
      'questions[1].text: is too long: 2001 characters, at most 2000',
      'questions[2].answer: contains a control character (only tab and newline are allowed)',
      'notes: is too long: 5001 characters, at most 5000',
    ]);
    expect(problems({ endedAt: '2026-02-30T10:00' })).toEqual(['endedAt: is not a real date and time']);
  });

  it('caps the lists at 50 items', () => {
    expect(problems({ shownSlideIds: Array.from({ length: 51 }, () => 'title') })).toEqual([
      'shownSlideIds: has too many items: at most 50',
    ]);
    expect(problems({ questions: Array.from({ length: 51 }, () => ({ text: 'Why?' })) })).toEqual([
      'questions: has too many items: at most 50',
    ]);
  });

  it('treats a blank answer or note as not given', () => {
    const result = checkMeeting({ questions: [{ text: ' Why? ', answer: '  ' }], notes: ' ' });
    expect(result.ok && result.value).toEqual({ questions: [{ text: 'Why?' }], notes: undefined });
  });

  it('names each shown slide that is not in the deck', () => {
    const result = checkMeeting({
      shownSlideIds: ['title', 'fees', 'goal-home'],
      questions: [{ text: 'Why?', slideId: 'nowhere' }],
    });
    if (!result.ok) throw new Error('expected a valid record');
    expect(checkMeetingAgainstDeck(result.value, ['title', 'fees'])).toEqual([
      { path: 'shownSlideIds[2]', message: 'no slide "goal-home" in this deck' },
    ]);
  });
});
