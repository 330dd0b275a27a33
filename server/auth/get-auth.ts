// Accounts and sessions through better-auth: email and password (scrypt), sessions in httpOnly,
// SameSite=Lax cookies signed with the installation's secret, stored with Prisma.
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb, type Db } from "../db.ts";
import { onUserCreated } from "./on-user-created.ts";
import { readAuthSecret } from "./read-auth-secret.ts";
import { publicUrl, trustedOrigins } from "./trusted-origins.ts";

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** Attempts allowed per client address and minute on the routes that check a password or make an account. */
export const AUTH_RATE_LIMITS = {
  "/sign-in/*": { window: 60, max: 10 },
  "/sign-up/*": { window: 60, max: 10 },
};

function createAuth(db: Db, secret: string) {
  return betterAuth({
    appName: "Attest",
    baseURL: publicUrl(),
    secret,
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256, autoSignIn: true },
    // Sign-in and sign-up attempts per client address, counted in this process's memory (on in
    // every environment; better-auth would otherwise count only in production).
    rateLimit: { enabled: true, storage: "memory", window: 60, max: 600, customRules: AUTH_RATE_LIMITS },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
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
    return createAuth(db, await readAuthSecret(db));
  })().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
