// The store's state: the app slice (API client, language, route, notices, profile) and the
// prospects slice (the list), each made by its own file.
import type { StateCreator } from 'zustand';
import type { ApiClient, AppInfo, DataProblem } from '../../../core/api';
import type { ProspectSummary } from '../../../core/prospect/prospect';
import type { Translate, UiLanguage } from '../i18n';
import type { Route } from './routes';

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
export type Slice<T> = StateCreator<AppState, [], [], T>;
