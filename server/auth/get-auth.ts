// Accounts and sessions through better-auth: email and password (scrypt), sessions in httpOnly,
// SameSite=Lax cookies signed with the installation's secret, stored with Prisma (and cached in
// Redis, with the sign-in counters, when REDIS_URL is set).
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb, type Db } from "../db.ts";
import { onUserCreated } from "./on-user-created.ts";
import { openRedisStorage, type SecondaryStorage } from "./open-redis-storage.ts";
import { readAuthSecret } from "./read-auth-secret.ts";
import { readRedisUrl } from "./read-redis-url.ts";
import { publicUrl, trustedOrigins } from "./trusted-origins.ts";

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** Attempts allowed per client address and minute on the routes that check a password or make an account. */
export const AUTH_RATE_LIMITS = {
  "/sign-in/*": { window: 60, max: 10 },
  "/sign-up/*": { window: 60, max: 10 },
};

/**
 * The auth instance on `db`. With `secondaryStorage` (Redis), sessions are cached there beside the
 * database (still stored in it, so a flushed Redis signs nobody out) and sign-in and sign-up
 * attempts are counted there, so the limit holds across every app instance; without it, attempts
 * are counted in this process's memory.
 */
export function createAuth(db: Db, secret: string, secondaryStorage?: SecondaryStorage) {
  return betterAuth({
    appName: "Attest",
    baseURL: publicUrl(),
    secret,
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256, autoSignIn: true },
    // Sign-in and sign-up attempts per client address, counted in Redis when there is one, else in
    // this process's memory (on in every environment; better-auth would otherwise count only in
    // production).
    rateLimit: { enabled: true, storage: secondaryStorage ? "secondary-storage" : "memory", window: 60, max: 600, customRules: AUTH_RATE_LIMITS },
    ...(secondaryStorage ? { secondaryStorage } : {}),
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24, ...(secondaryStorage ? { storeSessionInDatabase: true } : {}) },
    telemetry: { enabled: false },
    advanced: { database: { generateId: () => randomUUID() } },
    databaseHooks: { user: { create: { after: async (user) => onUserCreated(db, user) } } },
    plugins: [nextCookies()],
  });
}

/** The configured auth instance. */
export type Auth = ReturnType<typeof createAuth>;

const KEY = Symbol.for("attest.auth");
const holder = globalThis as { [KEY]?: Promise<Auth> };

/** The process's auth instance, built on the process's database once. */
export function getAuth(): Promise<Auth> {
  holder[KEY] ??= (async () => {
    const db = await getDb();
    const redisUrl = readRedisUrl();
    return createAuth(db, await readAuthSecret(db), redisUrl ? openRedisStorage(redisUrl).storage : undefined);
  })().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
