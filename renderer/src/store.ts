// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module for CSS files cannot be imported
/// <reference path="./stylesheets.d.ts" />
// The one store of the app window, built from typed feature slices (zustand's slices pattern)
// and given its API client once (main.tsx). The app layer owns persisted data; the store
// mirrors it for the UI. Read it with one selector per field so a component re-renders only
// for what it shows.
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ApiClient } from '../../core/api';
import { createAppSlice } from './state/appSlice';
import { createProspectsSlice } from './state/prospectsSlice';
import type { AppState } from './state/types';

export { hashOf, parentOf, routeFromHash, type Route } from './state/routes';
export type { AppSlice, AppState, ProspectsSlice, Toast } from './state/types';

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
