// The Content-Security-Policy of every page: scripts only from the app and with this response's nonce.

/**
 * The policy for a page rendered with `nonce`: no inline script without the nonce (Next.js puts
 * it on its own scripts; `'strict-dynamic'` lets them load the app's chunks), no plugins, no
 * framing, forms and connections to the app only. Styles may be inline: React writes `style`
 * attributes. In development React also needs `eval` for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 16 random bytes in base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
