// Which requests the read gate admits: reads that render (pages, API reads), not writes, static files or streams.
import type { IncomingMessage } from "node:http";

/** API reads that stay open (event streams) or send stored bytes (downloads): they render nothing and must not hold a place. */
const STREAMING_API = [/^\/api\/v1\/dossiers\/[^/]+\/events$/, /^\/api\/v1\/jobs\/[^/]+\/file$/];

/**
 * True for a GET or HEAD of a page (HTML or the App Router's RSC payload) or of `/api/v1`, other
 * than event streams and file downloads. Writes, sign-in (`/api/auth`), health checks, the
 * framework's static files and anything with a file extension go straight through.
 */
export function isGatedRead(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = (req.url ?? "/").split("?", 1)[0];
  if (path.startsWith("/api/")) {
    return path.startsWith("/api/v1/") && !STREAMING_API.some((pattern) => pattern.test(path));
  }
  if (path.startsWith("/_next/") || path.startsWith("/collab")) return false;
  const last = path.slice(path.lastIndexOf("/") + 1);
  return !last.includes(".");
}
