// `npm run cli -- …`: runs the bundled CLI (out/cli/cli.mjs) in this process when it was built
// from exactly the sources there are now (sizes and file times, see build-cli.mjs), and builds
// it first otherwise: never a stale bundle, never a TypeScript compile per run. Says nothing of
// its own: what is printed is the CLI's.
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildCli, isFresh } from './build-cli.mjs';

if (!(await isFresh())) await buildCli();
// The CLI reads its arguments from process.argv after the script's path, as when run directly.
await import(pathToFileURL(BUNDLE).href);
