// Removes, from requests arriving from outside, the headers Next.js uses between its own layers.
import type { IncomingMessage } from "node:http";

/**
 * Headers Next.js sets for itself (a proxy's subrequests, prefetches of the pages router, invoked
 * paths). Sent from outside they can change what the framework does — `x-middleware-prefetch`
 * alone makes it answer `{}` to any address — so the app's own server drops them before Next sees
 * the request. The App Router's own headers (`RSC`, `Next-Router-*`) are not among them.
 */
export const INTERNAL_HEADERS = [
  "x-middleware-subrequest",
  "x-middleware-prefetch",
  "x-middleware-invoke",
  "x-middleware-next",
  "x-middleware-rewrite",
  "x-middleware-redirect",
  "x-middleware-set-cookie",
  "x-middleware-skip",
  "x-middleware-override-headers",
  "x-invoke-path",
  "x-invoke-query",
  "x-invoke-output",
  "x-invoke-status",
  "x-invoke-error",
  "x-nextjs-data",
  "x-now-route-matches",
  "x-matched-path",
] as const;

/** Deletes the internal headers from `req` (and any `x-middleware-request-*` override). */
export function stripInternalHeaders(req: IncomingMessage): void {
  for (const name of Object.keys(req.headers)) {
    if ((INTERNAL_HEADERS as readonly string[]).includes(name) || name.startsWith("x-middleware-request-")) delete req.headers[name];
  }
}
