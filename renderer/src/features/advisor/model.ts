// The profile form ⇄ the advisor file (core/advisor/advisor.ts). Lists are typed as text: credentials
// separated by commas, holidays one per line (or commas).
import { DEFAULT_COLORS } from '../../../../core/advisor/brandColors';
import { machineTimeZone } from '../../ui/timeZones';

export interface ProfileForm {
  name: string;
  title: string;
  firm: string;
  credentials: string;
  email: string;
  phone: string;
  website: string;
  logo: string;
  primary: string;
  accent: string;
  disclosure: string;
  /** The advisor's own zone; the computer's until they pick one. */
  timeZone: string;
  preferredTime: string;
  holidays: string;
}

export function emptyProfile(): ProfileForm {
  return {
    name: '',
    title: '',
    firm: '',
    credentials: '',
    email: '',
    phone: '',
    website: '',
    logo: '',
    primary: DEFAULT_COLORS.primary.toLowerCase(),
    accent: DEFAULT_COLORS.accent.toLowerCase(),
    disclosure: '',
    timeZone: machineTimeZone(),
    preferredTime: '10:00',
    holidays: '',
  };
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function fromAdvisor(value: Record<string, unknown>): ProfileForm {
  const colors = obj(value['colors']);
  const followUp = obj(value['followUp']);
  const base = emptyProfile();
  return {
    name: str(value['name']),
    title: str(value['title']),
    firm: str(value['firm']),
    credentials: strings(value['credentials']).join(', '),
    email: str(value['email']),
    phone: str(value['phone']),
    website: str(value['website']),
    logo: str(value['logo']),
    primary: (str(colors['primary']) || base.primary).toLowerCase(),
    accent: (str(colors['accent']) || base.accent).toLowerCase(),
    disclosure: str(value['disclosure']),
    timeZone: str(value['timeZone']) || base.timeZone,
    preferredTime: str(followUp['preferredTime']) || base.preferredTime,
    holidays: strings(followUp['holidays']).join('\n'),
  };
}

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

export function toAdvisor(form: ProfileForm): Record<string, unknown> {
  const credentials = form.credentials
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const holidays = form.holidays.split(/[\s,;]+/).filter(Boolean);
  const entries: [string, unknown][] = [
    ['name', form.name],
    ['title', opt(form.title)],
    ['firm', form.firm],
    ['credentials', credentials.length ? credentials : undefined],
    ['email', form.email],
    ['phone', opt(form.phone)],
    ['website', opt(form.website)],
    ['logo', opt(form.logo)],
    ['colors', { primary: form.primary.toUpperCase(), accent: form.accent.toUpperCase() }],
    ['disclosure', form.disclosure],
    ['timeZone', opt(form.timeZone.trim())],
    ['followUp', { preferredTime: form.preferredTime || '10:00', holidays }],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}
