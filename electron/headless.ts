// The app layer the main process runs, reachable without Electron: built by electron-vite beside
// main.js (out/main/headless.js, sharing its chunks) and shipped in app.asar with it. The package
// check (test/package/package.test.ts) runs it with plain Node from an extracted app.asar, so
// what it proves (the meeting files come out, every font is there) is about the shipped code and
// the shipped node_modules, not the source tree.
import { type Family, fontFile, type Weight } from './services/pdf';

export { build } from './services/build';

const FAMILIES: readonly Family[] = ['latin', 'jp', 'sc', 'kr', 'arabic', 'hebrew'];
const WEIGHTS: readonly Weight[] = ['regular', 'bold'];

/** Every font file the summary may read, each found as the app finds it. */
export function fontFiles(): string[] {
  return FAMILIES.flatMap((family) => WEIGHTS.map((weight) => fontFile(family, weight)));
}
