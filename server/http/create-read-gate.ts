// Admission of reads: at most a few page and API reads render at once, the rest wait their turn in order, and writes never wait here.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorBody } from "./handle-route.ts";

/** How the gate admits reads. */
export interface ReadGateSettings {
  /** Reads rendering at once (0: no gate, every request goes straight through). */
  concurrency: number;
  /** Reads waiting at most; one more is answered 503 at once. */
  queueLimit: number;
  /**
   * A read holds its place until its response ends or for this long, whichever comes first: a
   * client reading a large page slowly (or a stream) then holds no place the server's work needs.
   */
  maxHoldMs: number;
}

/** What the gate is doing and has done (the tests watch it). */
export interface ReadGateStats {
  running: number;
  waiting: number;
  /** Reads that waited for a place. */
  queued: number;
  /** Reads answered 503 because the queue was full. */
  refused: number;
}

export interface ReadGate {
  /** Runs `handle` now, or once a place is free when `req` is a read the gate admits; answers 503 when the queue is full. */
  admit(req: IncomingMessage, res: ServerResponse, handle: () => void): void;
  stats(): ReadGateStats;
}

/**
 * A gate in front of the app's request handler. A page or API read costs the single Node thread
 * tens of milliseconds of rendering; a verdict write about ten. Without the gate every request in
 * flight shares the thread, so under load a write waits behind the rendering of every read that
 * arrived before it and its latency is that of the slowest reads. With it, only `concurrency`
 * reads render at once and the rest wait outside, in order of arrival: a write waits behind a
 * few reads at most. It does not make the server faster; it decides who waits. `isGated` says
 * which requests are reads to admit.
 */
export function createReadGate(settings: ReadGateSettings, isGated: (req: IncomingMessage) => boolean): ReadGate {
  const waiting: { res: ServerResponse; handle: () => void; gone: boolean }[] = [];
  let running = 0;
  let queued = 0;
  let refused = 0;

  // Starts the reads that have a place, in order of arrival, skipping those whose client has gone.
  const drain = () => {
    while (running < settings.concurrency && waiting.length > 0) {
      const next = waiting.shift()!;
      if (!next.gone) start(next.res, next.handle);
    }
  };

  const start = (res: ServerResponse, handle: () => void) => {
    running++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      running--;
      drain();
    };
    const timer = setTimeout(release, settings.maxHoldMs);
    timer.unref();
    res.once("close", release);
    handle();
  };

  return {
    admit(req, res, handle) {
      if (settings.concurrency <= 0 || !isGated(req)) {
        handle();
        return;
      }
      if (running < settings.concurrency) {
        start(res, handle);
        return;
      }
      if (waiting.length >= settings.queueLimit) {
        refused++;
        const body: ErrorBody = { error: { code: "unavailable", message: "The server is too busy to answer this now. Try again in a moment." } };
        res.writeHead(503, { "content-type": "application/json", "retry-after": "1", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
        return;
      }
      queued++;
      const entry = { res, handle, gone: false };
      // A client that gives up while waiting takes no place when its turn comes.
      const leave = () => {
        entry.gone = true;
      };
      res.once("close", leave);
      entry.handle = () => {
        res.off("close", leave);
        handle();
      };
      waiting.push(entry);
    },
    stats: () => ({ running, waiting: waiting.length, queued, refused }),
  };
}
