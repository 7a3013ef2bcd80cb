// The one store of the app window, built from typed feature slices (zustand's slices
// pattern). The main process owns persisted data; the store only mirrors it for the UI.
// Read it with one selector per field so a component re-renders only for what it shows.
import { create, type StateCreator } from 'zustand';
import type { AppInfo } from '../../core/api';

/** A prospect as the list shows it; the full Prospect stays in the main process. */
export interface ProspectListItem {
  id: string;
  name: string;
}

export interface ProspectsSlice {
  prospects: readonly ProspectListItem[];
}

export interface AppInfoSlice {
  /** Null until main answers, and forever in a plain browser where there is no main. */
  appInfo: AppInfo | null;
  loadAppInfo: () => Promise<void>;
}

export type AppState = ProspectsSlice & AppInfoSlice;

type Slice<T> = StateCreator<AppState, [], [], T>;

const createProspectsSlice: Slice<ProspectsSlice> = () => ({ prospects: [] });

const createAppInfoSlice: Slice<AppInfoSlice> = (set) => ({
  appInfo: null,
  loadAppInfo: async () => {
    const bridge = window.advisorDeck;
    if (!bridge) return;
    try {
      const result = await bridge['app:info']();
      if (result.ok) set({ appInfo: result.value });
      else console.warn(result.error);
    } catch (error) {
      // The version line is a nicety: a failed call must not take the window down.
      console.warn('app:info failed', error);
    }
  },
});

export const useAppStore = create<AppState>()((...a) => ({
  ...createProspectsSlice(...a),
  ...createAppInfoSlice(...a),
}));
