/**
 * What a Vigil window may load, wherever it runs: sent as a header by
 * `vigil serve` and by the Electron shell, beside the renderer's CSP meta tag.
 * Styles need 'unsafe-inline' because antd writes its CSS-in-JS at run time;
 * video tiles play MediaSource blobs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
