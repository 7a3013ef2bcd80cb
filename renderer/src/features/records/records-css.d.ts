// The screen's stylesheet is imported for its side effect (the bundler adds it to this screen's
// chunk); as present.css, declared for the type checks that reach it without Vite's client types.
declare module '*/records.css';
