// Tells when a page's requests have settled. Playwright's "networkidle" never comes on a live
// dossier: its event stream stays open for as long as the page does.
import type { Page, Request } from "playwright-core";

/** The live page's background traffic: its event stream and its presence beats. */
const isLiveTraffic = (request: Request) => /\/api\/v1\/dossiers\/[^/]+\/(events|presence)/.test(request.url());

/** Starts counting the page's requests in flight (live traffic left out); call it once, early. */
export function watchRequests(page: Page): { settled(quietMs?: number, timeoutMs?: number): Promise<void> } {
  const pending = new Set<Request>();
  let lastChange = Date.now();
  page.on("request", (request) => {
    if (isLiveTraffic(request)) return;
    pending.add(request);
    lastChange = Date.now();
  });
  const done = (request: Request) => {
    if (pending.delete(request)) lastChange = Date.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  // Requests the previous document left going (a keepalive beat sent as it unloaded) are not
  // reported finished to the page that replaced it.
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    for (const request of pending) if (!request.isNavigationRequest()) pending.delete(request);
  });
  return {
    /** Resolves once no request has been in flight for `quietMs`. */
    async settled(quietMs = 500, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > deadline) throw new Error(`requests still in flight: ${[...pending].map((r) => r.url()).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
