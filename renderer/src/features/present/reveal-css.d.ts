// The screen's stylesheet is imported for its side effect (the bundler adds it to this screen's
// chunk). Vite's client types declare CSS imports for the renderer's build; this covers the type
// checks that reach this screen without them (the DOM tests import the App, which lazy-loads it).
declare module '*/present.css';
