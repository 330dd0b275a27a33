// Reads where the shared session and rate-limit store lives: REDIS_URL, or none (per-process memory).
import { StartupError } from "../db/startup-error.ts";

/**
 * `REDIS_URL` (redis:// or rediss://), or `undefined` when it is unset or empty. Throws a
 * `StartupError` for a malformed URL, so the app refuses to start rather than silently counting
 * sign-in attempts per process.
 */
export function readRedisUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.REDIS_URL?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError("REDIS_URL is not a valid URL", "set it to redis://HOST:PORT (or rediss:// for TLS), or unset it");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new StartupError(`REDIS_URL must start with redis:// or rediss:// (it starts with ${parsed.protocol}//)`, "set it to redis://HOST:PORT, or unset it");
  }
  if (!parsed.hostname) throw new StartupError("REDIS_URL must name a host", "set it to redis://HOST:PORT");
  return url;
}
