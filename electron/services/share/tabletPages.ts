// The few pages the tablet server writes itself, all static and scriptless but one: the code
// form (type the pairing code), and "Waiting for the advisor" (which asks every second whether
// the advisor answered), "Not allowed". Each with a CSP that allows exactly its own style and
// script. Styles, script and markup are written in pieces only to keep lines short: each is sent
// as one string, and the CSP hashes that string.
import { sha256 } from '../csp';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BASE_STYLE = [
  'body{font:20px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;min-height:100vh;display:grid;',
  'place-items:center;background:#F4F2EE;color:#1F2328}main{max-width:32rem;padding:2rem;text-align:center}',
  'h1{font-size:1.4rem;margin:0 0 .5rem}',
].join('');
const PAGE_STYLE = BASE_STYLE;
// Polls until the advisor answers: allowed, the deck opens; refused, the page says so.
const WAITING_SCRIPT = [
  "(function(){var m=document.getElementById('m');function ask(){",
  "fetch('/pair/status',{credentials:'same-origin',cache:'no-store'}).then(function(r){return r.json()})",
  ".then(function(s){if(s.state==='paired')location.replace('/');else if(s.state==='refused')",
  "{m.textContent=document.documentElement.getAttribute('data-refused')}else setTimeout(ask,1000)},",
  'function(){setTimeout(ask,2000)})}ask()})()',
].join('');
export const PAGE_CSP =
  `default-src 'none'; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(WAITING_SCRIPT)}; ` +
  `connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The head every page shares: no referrer, no icon request, a phone-sized viewport. */
function head(title: string, style: string): string {
  return (
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,"><title>${escape(title)}</title>` +
    `<style>${style}</style></head>`
  );
}

export function plainPage(title: string, message: string, waiting = false): string {
  return (
    `<!DOCTYPE html><html lang="en" data-refused="${escape('The advisor did not allow this device.')}">` +
    head(title, PAGE_STYLE) +
    `<body><main><h1>${escape(title)}</h1><p id="m" role="status">${escape(message)}</p></main>` +
    `${waiting ? `<script>${WAITING_SCRIPT}</script>` : ''}</body></html>`
  );
}

const CODE_STYLE = [
  BASE_STYLE,
  'label{display:block;font-weight:600;margin:1rem 0 .5rem}',
  'input{font:700 32px/1.2 ui-monospace,monospace;letter-spacing:.3em;width:9em;text-align:center;padding:.4rem;',
  'border:2px solid #5b6570;border-radius:10px}',
  'button{display:block;margin:1rem auto 0;min-height:56px;padding:0 24px;border:0;border-radius:12px;',
  'font:600 18px/1 system-ui,sans-serif;background:#14202b;color:#fff}p[role=alert]{color:#a40e26;font-weight:600}',
].join('');
/** The code page posts its form to this server and nowhere else; no script at all. */
export const CODE_PAGE_CSP =
  `default-src 'none'; style-src ${sha256(CODE_STYLE)}; img-src data:; base-uri 'none'; ` +
  `form-action 'self'; frame-ancestors 'none'`;

/** The page a tablet without a pairing gets: type the code the laptop shows. */
export function codePage(problem?: string): string {
  return (
    '<!DOCTYPE html><html lang="en">' +
    head('Pair this tablet', CODE_STYLE) +
    '<body><main><h1>Pair this tablet</h1>' +
    '<p>Scan the code shown on the advisor’s laptop, or type the pairing code shown beside it.</p>' +
    '<form method="post" action="/pair"><label for="code">Pairing code</label>' +
    '<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="12"' +
    ' required autofocus>' +
    `${problem ? `<p role="alert">${escape(problem)}</p>` : ''}<button type="submit">Pair</button></form></main></body></html>`
  );
}

const WAITING = 'This device can show the meeting once the advisor allows it on the laptop.';

export const waitingPage = () => plainPage('Waiting for the advisor', WAITING, true);
export const refusedPage = () => plainPage('Not allowed', 'The advisor did not allow this device.');
export const forbiddenPage = () =>
  plainPage('Not allowed', 'Scan the code shown on the advisor’s laptop to see this meeting.');
