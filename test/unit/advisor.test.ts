import { describe, expect, it } from 'vitest';
import { checkAdvisor, safeHttpsUrl } from '../../core/advisor/advisor';
import { formatProblem } from '../../core/validation';
import { sampleAdvisorInput } from '../support/samples';

const problems = (change: (a: Record<string, unknown>) => void) => {
  const input = sampleAdvisorInput() as unknown as Record<string, unknown>;
  change(input);
  const r = checkAdvisor(input);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('advisor profile', () => {
  it('accepts the sample and defaults the follow-up preferences', () => {
    const input = sampleAdvisorInput();
    delete input.followUp;
    const r = checkAdvisor(input);
    expect(r.ok && r.value.followUp).toEqual({ preferredTime: '10:00', holidays: [] });
  });

  it.each([
    ['name', (a: Record<string, unknown>) => delete a['name'], 'name: is required'],
    ['firm', (a: Record<string, unknown>) => (a['firm'] = ''), 'firm: must not be empty'],
    ['email', (a: Record<string, unknown>) => (a['email'] = 'jordan'), 'email: must be an email address'],
    ['disclosure', (a: Record<string, unknown>) => delete a['disclosure'], 'disclosure: is required'],
    [
      'colors',
      (a: Record<string, unknown>) => (a['colors'] = { primary: '#12345', accent: '#C8A24A' }),
      'colors.primary: must be a colour like #1F4E79',
    ],
    [
      'preferredTime',
      (a: Record<string, unknown>) => (a['followUp'] = { preferredTime: '25:00' }),
      'followUp.preferredTime: must be a time like 10:00',
    ],
    [
      'holidays',
      (a: Record<string, unknown>) => (a['followUp'] = { holidays: ['2026-02-30'] }),
      'followUp.holidays[0]: must be a real date',
    ],
    [
      'unknown key',
      (a: Record<string, unknown>) => (a['colour'] = {}),
      'colour: unknown field (did you mean "colors"?)',
    ],
  ])('%s: rejects a bad value', (_, change, message) => {
    expect(
      problems(change).some((p) => p.startsWith(message)),
      problems(change).join('\n'),
    ).toBe(true);
  });

  it('links a website only when it is https', () => {
    expect(safeHttpsUrl('https://harborpine.example')).toBe('https://harborpine.example/');
    expect(safeHttpsUrl('http://harborpine.example')).toBeUndefined();
    expect(safeHttpsUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpsUrl('https://user:pw@evil.example')).toBeUndefined();
    expect(safeHttpsUrl('harborpine.example')).toBeUndefined();
  });
});
