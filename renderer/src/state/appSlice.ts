// The app slice: the API client, the window's language, the screen shown, notices and whether
// the advisor's profile is ready.
import type { ApiClient } from '../../../core/api';
import { systemLanguage, translator, type UiLanguage } from '../i18n';
import { hashOf, routeFromHash, seedHistory } from './routes';
import type { AppSlice, Slice } from './types';

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

export function createAppSlice(api: ApiClient): Slice<AppSlice> {
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
