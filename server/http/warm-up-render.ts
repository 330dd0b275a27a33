// Renders a few pages once, on a loopback port of the app's own server, before it takes requests.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How one page of the warm-up went: its status (0 when it failed or timed out) and time. */
export interface WarmedPage {
  path: string;
  status: number;
  ms: number;
  error?: string;
}

/** Longest wait for one page: a warm-up must never hold the start for long. */
const PAGE_TIMEOUT_MS = 10_000;

/**
 * Listens on an ephemeral port of 127.0.0.1, GETs each of `paths` in turn and reads it to the end,
 * then stops listening, so the server can then listen where it serves. A fresh process's first
 * render of a page loads and compiles the route's code and blocks the event loop for a few hundred
 * milliseconds; done here, no reader's request waits behind it. A page that fails, answers an
 * error or takes over `timeoutMs` is reported, never thrown: the server starts all the same.
 */
export async function warmUpRender(server: Server, paths: readonly string[], timeoutMs: number = PAGE_TIMEOUT_MS): Promise<WarmedPage[]> {
  if (paths.length === 0) return [];
  if (server.listening) throw new Error("the server already listens; warm it up before it does");
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const pages: WarmedPage[] = [];
  try {
    for (const path of paths) {
      const started = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
        await response.arrayBuffer();
        pages.push({ path, status: response.status, ms: performance.now() - started });
      } catch (error) {
        pages.push({ path, status: 0, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // A keep-alive connection of the warm-up would hold `close` open.
      server.closeAllConnections();
    });
  }
  return pages;
}
