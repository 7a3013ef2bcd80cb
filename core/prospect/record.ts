// The prospect's own record (prospect.json): status, times, history. Checked when read.
import { z } from 'zod';
import { PROSPECT_ID, STORED_STATUSES } from './prospect';

export const PROSPECT_RECORD_VERSION = 1;
export const MAX_HISTORY = 200;

const instant = z.string().max(40);

export const prospectRecordSchema = z.strictObject({
  v: z.literal(PROSPECT_RECORD_VERSION),
  id: z.string().regex(PROSPECT_ID),
  status: z.enum(STORED_STATUSES),
  createdAt: instant,
  updatedAt: instant,
  /** What happened to this prospect, oldest first; kept short so the file stays small. */
  history: z.array(z.strictObject({ at: instant, event: z.string().max(200) })).max(MAX_HISTORY),
  /** The secret hidden in the intake forms made for this prospect: a returned form changes them only when it carries it. */
  formSecret: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,88}$/)
    .optional(),
});
export type ProspectRecord = z.output<typeof prospectRecordSchema>;

export function newProspectRecord(id: string, now: string): ProspectRecord {
  return {
    v: PROSPECT_RECORD_VERSION,
    id,
    status: 'open',
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, event: 'created' }],
  };
}

export function withEvent(
  record: ProspectRecord,
  event: string,
  now: string,
  change: Partial<Pick<ProspectRecord, 'status'>> = {},
): ProspectRecord {
  const history = [...record.history, { at: now, event }];
  return { ...record, ...change, updatedAt: now, history: history.slice(Math.max(0, history.length - MAX_HISTORY)) };
}
