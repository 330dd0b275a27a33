// The read gate's settings from the environment: READ_CONCURRENCY and READ_QUEUE_LIMIT.
import { readWholeNumber } from "../read-whole-number.ts";
import type { ReadGateSettings } from "./create-read-gate.ts";

/** Reads rendering at once by default: see `createReadGate`. */
export const READ_CONCURRENCY = 2;
/** Reads waiting at most by default; one more gets 503. */
export const READ_QUEUE_LIMIT = 1000;
/** A read holds its place at most this long (a slow client, a long download). */
export const READ_MAX_HOLD_MS = 2000;

/** The gate's settings from `env`; a bad value stops the start with a `StartupError`. */
export function readGateSettings(env: Record<string, string | undefined> = process.env): ReadGateSettings {
  return {
    concurrency: readWholeNumber("READ_CONCURRENCY", env.READ_CONCURRENCY, READ_CONCURRENCY, 0),
    queueLimit: readWholeNumber("READ_QUEUE_LIMIT", env.READ_QUEUE_LIMIT, READ_QUEUE_LIMIT, 0),
    maxHoldMs: READ_MAX_HOLD_MS,
  };
}
