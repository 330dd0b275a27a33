// Cross-site request forgery: a change sent with the session cookie must come from the app's own pages.
import { trustedOrigins } from "../auth/trusted-origins.ts";
import { AppError } from "../errors/app-error.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * `AppError("forbidden")` for a request that changes something (not GET, HEAD or OPTIONS), carries
 * cookies and no Bearer token, and whose `Origin` is missing, `null` or not one of the app's
 * trusted origins. A request with a Bearer token is exempt: a browser never adds one by itself.
 */
export function checkOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (/^Bearer\s+\S/i.test(request.headers.get("authorization") ?? "")) return;
  if (!request.headers.get("cookie")) return;
  const origin = request.headers.get("origin");
  if (origin === null || origin === "") {
    throw new AppError("forbidden", "This change was sent without an Origin header; send it from the app's pages, or authenticate with an API token.");
  }
  if (origin === "null" || !trustedOrigins().includes(origin)) {
    throw new AppError("forbidden", `Changes are accepted only from the app's own pages, not from ${origin === "null" ? "an opaque origin" : origin}.`);
  }
}
