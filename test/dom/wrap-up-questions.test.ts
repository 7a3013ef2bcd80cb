// @vitest-environment happy-dom
// The wrap-up form's rows (issue 21.2): the questions the prospect sent before the meeting are
// rows to answer, marked as such, sent with their answers; one asked again live is one row.
import { describe, expect, it } from 'vitest';
import { formFromLive, prepare } from '../../renderer/src/features/wrap-up/model';

const live = (texts: string[]) =>
  ({
    startedAt: '2026-12-03T22:00:00.000Z',
    visits: [],
    questions: texts.map((text) => ({ text, at: '2026-12-03T22:05:00.000Z' })),
  }) as unknown as Parameters<typeof formFromLive>[0];

describe('the wrap-up form', () => {
  const sent = ['How are you paid?', 'How often would we meet?'];

  it('has a row for each question sent before the meeting, marked, sent with its answer', () => {
    const form = formFromLive(live(['What about my 401(k)?']), null, '2026-12-08T10:00', sent);
    expect(form.questions.map((q) => [q.text, q.before ?? false])).toEqual([
      ['What about my 401(k)?', false],
      ['How are you paid?', true],
      ['How often would we meet?', true],
    ]);
    const row = form.questions[1];
    if (row) row.answer = 'A flat annual fee.';
    const prepared = prepare(form, { questionBlank: 'blank', followUpRequired: 'required' });
    if (!prepared.ok) throw new Error('not prepared');
    // Answered, it is sent; the one not answered is not (the summary lists it as still to come).
    expect(prepared.input.questions).toEqual([
      { text: 'What about my 401(k)?' },
      { text: 'How are you paid?', answer: 'A flat annual fee.', before: true },
    ]);
    // An earlier wrap-up that has them already does not get them twice.
    const again = formFromLive(
      null,
      { shownSlideIds: [], questions: prepared.input.questions.map((q) => ({ ...q })), notes: '' },
      '2026-12-08T10:00',
      sent,
    );
    expect(again.questions.map((q) => [q.text, q.before ?? false])).toEqual([
      ['What about my 401(k)?', false],
      ['How are you paid?', true],
      ['How often would we meet?', true],
    ]);
  });

  it('keeps one row for a question they sent and asked again in the meeting', () => {
    const form = formFromLive(live(['how are you  paid?']), null, '2026-12-08T10:00', sent);
    expect(form.questions.map((q) => q.text)).toEqual(['how are you  paid?', 'How often would we meet?']);
  });

  it('lists the questions sent before when nothing was presented', () => {
    expect(formFromLive(null, null, '', sent).questions.map((q) => q.before)).toEqual([true, true]);
  });
});
