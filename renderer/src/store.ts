// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module for CSS files cannot be imported
/// <reference path="./stylesheets.d.ts" />
// The one store of the app window, built from typed feature slices (zustand's slices pattern)
// and given its API client once (main.tsx). The app layer owns persisted data; the store
// mirrors it for the UI. Read it with one selector per field so a component re-renders only
// for what it shows.
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StateCreator, type StoreApi } from 'zustand';
import type { ApiClient, AppInfo, DataProblem } from '../../core/api';
import type { ProspectSummary } from '../../core/prospect/prospect';
import { systemLanguage, translator, type Translate, type UiLanguage } from './i18n';

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

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

export interface AppSlice {
  api: ApiClient;
  appInfo: AppInfo | null;
  language: UiLanguage;
  t: Translate;
  route: Route;
  toast: Toast | null;
  loadAppInfo: () => Promise<void>;
  setLanguage: (language: UiLanguage) => void;
  /**
   * Shows a screen and gives it a history entry, so the browser's Back (and an iPad's edge
   * swipe) goes back within the app. `replace` for a step that should not be gone back to.
   */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Where Settings sends the advisor back to after the profile is saved (the deck they were building). */
  returnTo: Route | null;
  setReturnTo: (route: Route | null) => void;
  /** Whether advisor.json is there and valid (null until asked): nothing is built without it. */
  profileReady: boolean | null;
  /** The advisor's zone from the profile: a new prospect's meeting starts in it. */
  advisorTimeZone: string | null;
  loadProfileState: () => Promise<void>;
  setProfileReady: (ready: boolean, timeZone?: string) => void;
  notify: (message: string, action?: Toast['action']) => void;
  dismissToast: () => void;
}

export interface ProspectsSlice {
  prospects: readonly ProspectSummary[];
  /** False until the first list arrives, so the empty state never flashes. */
  prospectsLoaded: boolean;
  dataProblems: readonly DataProblem[];
  loadProspects: () => Promise<void>;
  /** Puts a saved prospect in the list (or updates it) without listing every prospect again. */
  upsertProspect: (prospect: ProspectSummary) => void;
  removeProspect: (id: string) => void;
}

export type AppState = AppSlice & ProspectsSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const LANGUAGE_KEY = 'advisor-deck.language';

function initialLanguage(): UiLanguage {
  try {
    const saved = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // Storage may be off; the system language then decides.
  }
  return systemLanguage(globalThis.navigator?.languages ?? ['en']);
}

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
function seedHistory(route: Route): void {
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

function createAppSlice(api: ApiClient): Slice<AppSlice> {
  let toastId = 0;
  return (set) => {
    const language = initialLanguage();
    const route = routeFromHash(globalThis.location?.hash ?? '');
    seedHistory(route);
    return {
      api,
      appInfo: null,
      language,
      t: translator(language),
      route,
      toast: null,
      returnTo: null,
      setReturnTo: (returnTo) => set({ returnTo }),
      profileReady: null,
      advisorTimeZone: null,
      loadProfileState: async () => {
        try {
          const result = await api['advisor:get']();
          if (!result.ok) return;
          const zone = result.value.advisor?.['timeZone'];
          set({
            profileReady: result.value.advisor !== null && result.value.problems.length === 0,
            advisorTimeZone: typeof zone === 'string' && zone ? zone : null,
          });
        } catch (error) {
          // Only the first-run prompt depends on it; Build deck still says what is missing.
          console.warn('advisor:get failed', error);
        }
      },
      setProfileReady: (profileReady, timeZone) => set({ profileReady, advisorTimeZone: timeZone ?? null }),
      loadAppInfo: async () => {
        try {
          const result = await api['app:info']();
          if (result.ok) set({ appInfo: result.value });
        } catch (error) {
          // The version line is a nicety: a failed call must not take the window down.
          console.warn('app:info failed', error);
        }
      },
      setLanguage: (next) => {
        try {
          globalThis.localStorage?.setItem(LANGUAGE_KEY, next);
        } catch {
          // Not kept across restarts then; still applied now.
        }
        set({ language: next, t: translator(next) });
      },
      navigate: (route, options) => {
        const hash = hashOf(route);
        if (globalThis.location && globalThis.location.hash !== hash) {
          if (options?.replace) globalThis.history?.replaceState({ app: 1 }, '', hash);
          else globalThis.history?.pushState({ app: 1 }, '', hash);
        }
        // A message about the screen being left goes with it; one with an action (Undo) stays.
        // Settings remembers where the advisor came from, to go back there once the profile is saved.
        set((state) => ({
          route,
          toast: state.toast?.action ? state.toast : null,
          returnTo:
            route.screen === 'settings' ? (state.route.screen === 'settings' ? state.returnTo : state.route) : null,
        }));
      },
      notify: (message, action) => set({ toast: { id: ++toastId, message, ...(action ? { action } : {}) } }),
      dismissToast: () => set({ toast: null }),
    };
  };
}

function createProspectsSlice(api: ApiClient): Slice<ProspectsSlice> {
  // One request at a time: a second caller joins the one on its way.
  let loading: Promise<void> | null = null;
  return (set, get) => ({
    prospects: [],
    prospectsLoaded: false,
    dataProblems: [],
    loadProspects: () => {
      loading ??= (async () => {
        try {
          const result = await api['prospects:list']();
          if (result.ok)
            set({ prospects: result.value.prospects, dataProblems: result.value.problems, prospectsLoaded: true });
          else get().notify(get().t('error', { e: result.error }));
        } finally {
          loading = null;
        }
      })();
      return loading;
    },
    upsertProspect: (prospect) => {
      const others = get().prospects.filter((p) => p.id !== prospect.id);
      const at = others.findIndex((p) => (p.meetingStartsAt ?? '\uffff') > (prospect.meetingStartsAt ?? '\uffff'));
      const next = [...others];
      next.splice(at < 0 ? next.length : at, 0, prospect);
      set({ prospects: next });
    },
    removeProspect: (id) => set({ prospects: get().prospects.filter((p) => p.id !== id) }),
  });
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(api: ApiClient): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createProspectsSlice(api)(...a),
  }));
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** One field of the store: `useApp((s) => s.prospects)`. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside <StoreProvider>');
  return useStore(store, selector);
}
