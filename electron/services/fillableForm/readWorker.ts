// The intake form reader's worker: says `ready` once loaded, then takes one returned form's bytes
// and answers with its field values (or why they cannot be read). Runs under readInWorker.ts's
// memory limits and deadline, never on the app's or the CLI's main thread. Built as its own
// entry by scripts/build-cli.mjs (out/cli/intake-form-reader.mjs) and electron.vite.config.ts
// (out/main/intake-form-reader.js).
import { parentPort } from 'node:worker_threads';
import { limitDecoding, readFormFields } from './formFields';

const port = parentPort;
if (port) {
  try {
    limitDecoding();
    port.once('message', (bytes: Uint8Array) => {
      readFormFields(bytes).then(
        (read) => port.postMessage(read),
        // Not the file's fault (the reader could not be set up): the host treats it as unexpected.
        (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
      );
    });
    port.postMessage('ready');
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
