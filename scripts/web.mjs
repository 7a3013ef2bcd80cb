// `npm run web -- …`: runs the bundled web host (out/web/web.mjs) in this process when it was
// built from exactly the sources there are now, and builds it first otherwise (as scripts/cli.mjs
// does for the CLI): no TypeScript compile at start, never a stale bundle. Says nothing of its
// own: what is printed is the web host's.
import { pathToFileURL } from 'node:url';
import { WEB, WEB_BUNDLE, buildCli, isFresh } from './build-cli.mjs';

if (!(await isFresh(WEB))) await buildCli(WEB);
// The host reads its arguments from process.argv after the script's path, as when run directly.
await import(pathToFileURL(WEB_BUNDLE).href);
