// Each screen imports its stylesheet for its side effect (the bundler adds it to that screen's
// chunk). Vite's client types (env.d.ts) declare CSS imports for the renderer's build; this covers
// the type checks that reach the screens without them (the DOM tests import the App, which
// lazy-loads them). store.ts, which every screen imports, references it.
declare module '*.css';
