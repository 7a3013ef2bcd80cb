// The window's screens as addresses (#/prospect/<id>, #/deck/<id>…): what an address opens, the
// address of a screen, and the history a screen opened straight from its address starts with.
export type Route =
  | { screen: 'prospects' }
  | { screen: 'intake'; id?: string }
  | { screen: 'settings' }
  | { screen: 'records' }
  | { screen: 'preview'; id: string }
  | { screen: 'deck'; id: string }
  | { screen: 'present'; id: string }
  | { screen: 'wrap-up'; id: string }
  | { screen: 'follow-ups'; followUpId?: string };

/** `#/prospect/<id>`, `#/new`, `#/settings`, `#/preview/<id>`: a reload comes back to the same screen. */
export function routeFromHash(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  const validId = id && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? id : undefined;
  if (screen === 'new') return { screen: 'intake' };
  if (screen === 'prospect' && validId) return { screen: 'intake', id: validId };
  if (screen === 'preview' && validId) return { screen: 'preview', id: validId };
  if (screen === 'deck' && validId) return { screen: 'deck', id: validId };
  if (screen === 'present' && validId) return { screen: 'present', id: validId };
  if (screen === 'wrap-up' && validId) return { screen: 'wrap-up', id: validId };
  if (screen === 'follow-ups')
    return validId ? { screen: 'follow-ups', followUpId: validId } : { screen: 'follow-ups' };
  if (screen === 'settings') return { screen: 'settings' };
  if (screen === 'records') return { screen: 'records' };
  return { screen: 'prospects' };
}

/** The screen Back leads to from a screen opened straight from its address (a reload, a link). */
export function parentOf(route: Route): Route | null {
  switch (route.screen) {
    case 'prospects':
      return null;
    case 'deck':
    case 'preview':
    case 'present':
    case 'wrap-up':
      return { screen: 'intake', id: route.id };
    default:
      return { screen: 'prospects' };
  }
}

/**
 * A window opened on a deeper screen gets the entries above it (Prospects, the prospect), so
 * Back still walks up within the app instead of leaving it for a blank page. Marked in the
 * entry's state so a reload does not add them again.
 */
export function seedHistory(route: Route): void {
  const history = globalThis.history;
  if (!history || (history.state as { app?: unknown } | null)?.app) return;
  const chain: Route[] = [];
  for (let r: Route | null = route; r; r = parentOf(r)) chain.unshift(r);
  history.replaceState({ app: 1 }, '', hashOf(chain[0] ?? route));
  for (const r of chain.slice(1)) history.pushState({ app: 1 }, '', hashOf(r));
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'intake':
      return route.id ? `#/prospect/${route.id}` : '#/new';
    case 'preview':
    case 'deck':
    case 'present':
    case 'wrap-up':
      return `#/${route.screen}/${route.id}`;
    case 'follow-ups':
      return route.followUpId ? `#/follow-ups/${route.followUpId}` : '#/follow-ups';
    case 'settings':
      return '#/settings';
    case 'records':
      return '#/records';
    default:
      return '#/';
  }
}
