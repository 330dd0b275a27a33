// The secret that signs session cookies: from BETTER_AUTH_SECRET, else made once per installation
// and kept in the database, so every app instance on the same database signs alike.
import { randomBytes } from "node:crypto";
import type { Db } from "../db.ts";

const KEY = "auth.secret";

/** The installation's cookie-signing secret, created on first use. */
export async function readAuthSecret(db: Db, env: Record<string, string | undefined> = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const existing = await db.setting.findUnique({ where: { key: KEY } });
  if (existing) return existing.value;
  // Two instances starting together: the first insert wins and both read it back.
  await db.setting.createMany({ data: [{ key: KEY, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  return (await db.setting.findUniqueOrThrow({ where: { key: KEY } })).value;
}
