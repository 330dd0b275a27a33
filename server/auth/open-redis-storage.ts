// better-auth's secondary storage on Redis: sessions cached and sign-in counters shared by every app instance.
import { redisStorage } from "@better-auth/redis-storage";
import type { BetterAuthOptions } from "better-auth";
import { Redis } from "ioredis";
import { AppError } from "../errors/app-error.ts";

/** What a request gets while Redis cannot be reached. */
export const REDIS_UNAVAILABLE_MESSAGE = "Sign-in and sessions are unavailable for a moment (the session store cannot be reached); try again shortly.";

/** The storage interface better-auth expects. */
export type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]>;

/** Keys are prefixed so several installations (or tests) may share one Redis. */
const DEFAULT_PREFIX = "attest:auth:";

/** An open store and how to close its connection. */
export interface RedisStorage {
  storage: SecondaryStorage;
  client: Redis;
  close(): Promise<void>;
}

/**
 * Connects to `url` (lazily, reconnecting on its own) and wraps better-auth's Redis storage so
 * that an unreachable or stalled Redis fails the request with `AppError("unavailable")` (503)
 * within about `commandTimeoutMs`, instead of hanging or crashing the process.
 */
export function openRedisStorage(url: string, options: { keyPrefix?: string; commandTimeoutMs?: number } = {}): RedisStorage {
  const client = new Redis(url, {
    // A command waits for one reconnection attempt at most, then fails; a stalled server times out.
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
  // One line when Redis goes away and one when it is back, not one per reconnection attempt.
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    console.error(`attest: Redis at ${redactedHost(url)} is unreachable (${error.message}); sign-in and sessions answer 503 until it is back`);
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    console.error(`attest: Redis at ${redactedHost(url)} is reachable again`);
  });
  const inner = redisStorage({ client, keyPrefix: options.keyPrefix ?? DEFAULT_PREFIX });
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof TypeError) throw error;
        throw new AppError("unavailable", REDIS_UNAVAILABLE_MESSAGE);
      }
    };
  const storage: SecondaryStorage = {
    get: guard(async (key: string) => inner.get(key)),
    getAndDelete: guard(async (key: string) => inner.getAndDelete(key)),
    increment: guard(async (key: string, ttl: number) => inner.increment(key, ttl)),
    set: guard(async (key: string, value: string, ttl?: number) => inner.set(key, value, ttl)),
    delete: guard(async (key: string) => inner.delete(key)),
  };
  return {
    storage,
    client,
    close: async () => {
      client.removeAllListeners("error");
      client.on("error", () => {});
      client.disconnect();
    },
  };
}

function redactedHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    return "REDIS_URL";
  }
}
