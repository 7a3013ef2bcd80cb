import { safeHttpsUrl, type Advisor } from '../../core/advisor/advisor';
import type { AdvisorCard } from '../../templates/slides';
import { logoDataUrl, type Logo } from './logo';

/**
 * The advisor as the slides show them (name, firm, contact, logo as a data: URL). Apart from the
 * deck's renderer, so the app's live slides get it without loading React's server renderer.
 */
export function advisorCard(advisor: Advisor, logo?: Logo): AdvisorCard {
  const href = safeHttpsUrl(advisor.website);
  return {
    name: advisor.name,
    ...(advisor.title ? { title: advisor.title } : {}),
    firm: advisor.firm,
    credentials: advisor.credentials ?? [],
    email: advisor.email,
    ...(advisor.phone ? { phone: advisor.phone } : {}),
    ...(advisor.website ? { website: { text: advisor.website, ...(href ? { href } : {}) } } : {}),
    ...(logo ? { logo: logoDataUrl(logo) } : {}),
  };
}
