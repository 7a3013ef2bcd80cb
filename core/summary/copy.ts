// The summary's words per language (templates/summary/copy/<language>.json): data a firm can
// change or add to, checked like user files when loaded.
import { z } from 'zod';
import { GOALS } from '../intake/intake';
import { type Checked, describeIssues } from '../validation';

export const summaryCopySchema = z.strictObject({
  language: z.string(),
  documentTitle: z.string(),
  subject: z.string(),
  kicker: z.string(),
  preparedFor: z.string(),
  meetingLine: z.string(),
  sections: z.strictObject({
    heard: z.string(),
    covered: z.string(),
    questions: z.string(),
    next: z.string(),
    contact: z.string(),
  }),
  labels: z.strictObject({ goals: z.string(), urgent: z.string(), concerns: z.string(), notes: z.string() }),
  goals: z.record(z.enum(GOALS), z.string()),
  unanswered: z.string(),
  coveredNone: z.string(),
  followUp: z.string(),
  nextSteps: z.array(z.string()).max(4),
  more: z.string(),
  hypothetical: z.string(),
  retirementAssumptions: z.string(),
  collegeAssumptions: z.string(),
});
export type SummaryCopy = z.output<typeof summaryCopySchema>;

export function checkSummaryCopy(input: unknown): Checked<SummaryCopy> {
  const result = summaryCopySchema.safeParse(input);
  if (!result.success) return { ok: false, problems: describeIssues(result.error.issues) };
  return { ok: true, value: result.data };
}
