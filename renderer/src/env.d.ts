// Types the renderer sees but never imports at runtime.
/// <reference types="vite/client" />
import type { AdvisorDeckApi } from '../../core/api';

declare global {
  interface Window {
    /** Set by electron/preload.ts. Undefined in a plain browser (tests, previews): check first. */
    readonly advisorDeck?: AdvisorDeckApi;
  }
}
