// The Content-Security-Policy of the app window, built in one place for the three places
// that need it: the response header set by main, the <meta> in renderer/index.html (which
// is what protects pages loaded from file://, where no response headers exist) and the dev
// server's copy of that <meta>. Pure: no electron import, so tests and the vite config can
// use it.

export interface CspOptions {
  /** The vite dev server origin, in development only: it serves scripts and the HMR socket. */
  devServerUrl?: string | undefined;
  /** A <meta> policy may not carry frame-ancestors (browsers ignore it and warn). */
  forMeta?: boolean;
}

export function contentSecurityPolicy({ devServerUrl, forMeta = false }: CspOptions = {}): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  // In dev only, React Fast Refresh injects an inline preamble script and vite injects CSS
  // as <style> tags; the built app has neither, so it gets no 'unsafe-inline'.
  const inline = dev ? " 'unsafe-inline'" : '';
  const devConnect = dev ? ` ${dev.origin} ${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : '';
  const directives = [
    "default-src 'none'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${devConnect}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(forMeta ? [] : ["frame-ancestors 'none'"]),
    "object-src 'none'",
  ];
  return directives.join('; ');
}
