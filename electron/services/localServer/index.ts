// The kit both local servers are built from (the web host on 127.0.0.1, web/server.ts, and the
// tablet server on the LAN, share/server.ts), and the app window's app:// files: the security
// headers, the Host, Origin and secret checks, capped bodies, static files and server-sent events.
export { baseHeaders, HTML, JSON_TYPE, securityHeaders, send, TEXT } from './headers';
export {
  allowedHost,
  changesState,
  cookieValue,
  fromAnotherSite,
  readBody,
  readJsonBody,
  sameSecret,
  sessionCookie,
  type JsonBody,
} from './requests';
export { fileSegments, mimeType, readServedFile, resolveFileIn } from './staticFiles';
export { EVENT_STREAM, eventMessage, EventStreams } from './events';
