// The form's problems by field, and its amounts written as the prospect writes numbers.
import type { Problem } from '../../../../core/validation';
import { formatAmount } from './fieldWords';
import type { IntakeForm } from './model';

/** The amounts as the prospect writes numbers; each still reads back as the same number. */
export function withAmountsFormatted(form: IntakeForm): IntakeForm {
  return {
    ...form,
    investableAssets: formatAmount(form.investableAssets, form.locale),
    annualIncome: formatAmount(form.annualIncome, form.locale),
    monthlySavings: formatAmount(form.monthlySavings, form.locale),
  };
}

/** Problems keyed by the form's field ids (rows by their key, since blank rows are not in the intake). */
export function problemsByField(problems: readonly Problem[], form: IntakeForm): Map<string, string> {
  const kept = <T>(rows: T[], blank: (r: T) => boolean) => rows.filter((r) => !blank(r));
  const dependents = kept(form.dependents, (d) => d.firstName.trim() === '' && d.age.trim() === '');
  const concerns = kept(form.concerns, (r) => r.text.trim() === '');
  const questions = kept(form.questions, (r) => r.text.trim() === '');
  const map = new Map<string, string>();
  for (const p of problems) {
    let field = p.path;
    let m: RegExpExecArray | null;
    if ((m = /^prospect\.dependents\[(\d+)\]\.(firstName|age)$/.exec(p.path)))
      field = `dependent:${dependents[Number(m[1])]?.key}:${m[2]}`;
    else if ((m = /^concerns\[(\d+)\]$/.exec(p.path))) field = `concern:${concerns[Number(m[1])]?.key}`;
    else if ((m = /^questions\[(\d+)\]$/.exec(p.path))) field = `question:${questions[Number(m[1])]?.key}`;
    else if (/^goals(\[\d+\])?$/.test(p.path)) field = 'goals';
    else if (/^prospect\.partner$/.test(p.path)) field = 'prospect.partner.firstName';
    if (!map.has(field)) map.set(field, p.message);
  }
  return map;
}
