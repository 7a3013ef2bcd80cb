import { describe, expect, it, vi } from 'vitest';
import { followUpSlot } from '../../core/followUp/slotRule';

// Properties and real files: seconds on a busy machine, never a time window.
vi.setConfig({ testTimeout: 60_000 });

const slot = (
  meetingDate: string,
  preferredTime = '10:00',
  holidays: string[] = [],
  timeZone = 'America/Los_Angeles',
) => followUpSlot({ meetingDate, timeZone, preferredTime, holidays });

describe('follow-up slot', () => {
  it('matches the examples of the issue', () => {
    expect(slot('2026-12-03')).toEqual({
      dueAt: '2026-12-08T10:00:00-08:00',
      timeZone: 'America/Los_Angeles',
      businessDaysAfter: 3,
    });
    expect(slot('2026-12-02').dueAt).toBe('2026-12-04T10:00:00-08:00');
    expect(slot('2026-12-02', '15:00').dueAt).toBe('2026-12-07T15:00:00-08:00');
  });

  // The week of 30 Nov 2026, Monday to Sunday.
  it.each([
    ['2026-11-30', '10:00', '2026-12-02T10:00:00-08:00', 2], // Mon → Wed
    ['2026-12-01', '10:00', '2026-12-03T10:00:00-08:00', 2], // Tue → Thu
    ['2026-12-02', '10:00', '2026-12-04T10:00:00-08:00', 2], // Wed → Fri morning is fine
    ['2026-12-03', '10:00', '2026-12-08T10:00:00-08:00', 3], // Thu → Mon morning avoided, Tue
    ['2026-12-04', '10:00', '2026-12-08T10:00:00-08:00', 2], // Fri → Tue
    ['2026-12-05', '10:00', '2026-12-08T10:00:00-08:00', 2], // Sat → Tue (Mon is the 1st business day)
    ['2026-12-06', '10:00', '2026-12-08T10:00:00-08:00', 2], // Sun → Tue
    ['2026-11-30', '15:00', '2026-12-02T15:00:00-08:00', 2],
    ['2026-12-01', '15:00', '2026-12-03T15:00:00-08:00', 2],
    ['2026-12-02', '15:00', '2026-12-07T15:00:00-08:00', 3], // Fri afternoon avoided, Mon afternoon is fine
    ['2026-12-03', '15:00', '2026-12-08T15:00:00-08:00', 3],
    ['2026-12-04', '15:00', '2026-12-08T15:00:00-08:00', 2],
    ['2026-12-05', '15:00', '2026-12-08T15:00:00-08:00', 2],
    ['2026-12-06', '15:00', '2026-12-08T15:00:00-08:00', 2],
    ['2026-12-02', '12:00', '2026-12-07T12:00:00-08:00', 3], // noon on a Friday counts as afternoon
    ['2026-12-02', '11:59', '2026-12-04T11:59:00-08:00', 2],
  ])('meeting %s, preferred %s → %s', (date, time, dueAt, days) => {
    expect(slot(date, time)).toMatchObject({ dueAt, businessDaysAfter: days });
  });

  it('skips the advisor’s holidays when counting business days', () => {
    // Wed 23 Dec: Thu 24 (1), Fri 25 holiday, Mon 28 (2), Tue 29 (3) → Tuesday.
    expect(slot('2026-12-23', '10:00', ['2026-12-25']).dueAt).toBe('2026-12-29T10:00:00-08:00');
    // Thu 3 Dec with Tue 8 off: Mon 7 (2), Wed 9 (3) → Wednesday.
    expect(slot('2026-12-03', '09:00', ['2026-12-08'])).toMatchObject({
      dueAt: '2026-12-09T09:00:00-08:00',
      businessDaysAfter: 3,
    });
  });

  it('falls back to the next Tuesday to Thursday when both candidates are Monday mornings', () => {
    const off = [
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
      '2026-12-18',
    ];
    // Fri 4 Dec: Mon 7 (1), Mon 14 (2), Mon 21 (3), then Tue 22.
    expect(slot('2026-12-04', '10:00', off)).toMatchObject({
      dueAt: '2026-12-22T10:00:00-08:00',
      businessDaysAfter: 4,
    });
  });

  it.each([
    // New York: clocks go back on Sun 1 Nov 2026 and forward on Sun 14 Mar 2027.
    ['America/New_York', '2026-10-29', '2026-11-03T10:00:00-05:00'],
    ['America/New_York', '2026-10-30', '2026-11-03T10:00:00-05:00'],
    ['America/New_York', '2027-03-11', '2027-03-16T10:00:00-04:00'],
    ['America/New_York', '2027-03-12', '2027-03-16T10:00:00-04:00'],
    // Paris: back on Sun 25 Oct 2026, forward on Sun 28 Mar 2027.
    ['Europe/Paris', '2026-10-22', '2026-10-27T10:00:00+01:00'],
    ['Europe/Paris', '2027-03-25', '2027-03-30T10:00:00+02:00'],
    // Sydney (southern hemisphere): forward on Sun 4 Oct 2026, back on Sun 4 Apr 2027.
    ['Australia/Sydney', '2026-10-01', '2026-10-06T10:00:00+11:00'],
    ['Australia/Sydney', '2027-04-01', '2027-04-06T10:00:00+10:00'],
  ])('across daylight saving in %s: meeting %s → %s', (timeZone, date, dueAt) => {
    expect(slot(date, '10:00', [], timeZone).dueAt).toBe(dueAt);
  });

  it('never lands on a weekend, a holiday, a Monday morning or a Friday afternoon', () => {
    const holidays = ['2027-01-01', '2027-05-31', '2027-07-05'];
    for (let day = 0; day < 400; day++) {
      const date = new Date(Date.UTC(2026, 11, 1 + day)).toISOString().slice(0, 10);
      for (const time of ['08:00', '10:00', '12:00', '16:30']) {
        const due = slot(date, time, holidays, 'Europe/Paris');
        const local = due.dueAt.slice(0, 10);
        const weekday = new Date(`${local}T00:00:00Z`).getUTCDay();
        const hour = Number(time.slice(0, 2));
        expect(weekday, `${date} ${time}`).not.toBe(0);
        expect(weekday).not.toBe(6);
        expect(holidays).not.toContain(local);
        expect(weekday === 1 && hour < 12).toBe(false);
        expect(weekday === 5 && hour >= 12).toBe(false);
        expect(due.businessDaysAfter).toBeGreaterThanOrEqual(2);
        expect(due.dueAt.slice(11, 16)).toBe(time);
      }
    }
  });
});

describe('follow-up slot at a time that happens twice or never', () => {
  it('takes the first occurrence when the clocks go back on a business day (Cairo, Thursday night)', () => {
    // Egypt ends DST on the last Thursday of October at midnight: 23:00–23:59 happens twice.
    expect(slot('2027-10-24', '23:59', ['2027-10-26', '2027-10-27'], 'Africa/Cairo').dueAt).toBe(
      '2027-10-28T23:59:00+03:00',
    );
  });

  it('moves a time that does not exist forward by the gap', () => {
    // Egypt starts DST on the last Friday of April at 00:00 → 01:00: 00:30 that Friday does not exist.
    const due = slot('2027-04-27', '00:30', ['2027-04-29'], 'Africa/Cairo').dueAt;
    expect(due).toMatch(/^2027-04-30T01:30:00\+03:00$/);
  });
});
