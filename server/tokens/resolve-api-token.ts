// Turns the bearer token of an API request into the actor it stands for, or refuses it.
import type { Db } from "../db.ts";
import type { Role } from "../generated/prisma/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { ROLE_ORDER } from "./create-api-token.ts";
import { hashApiToken, TOKEN_PREFIX } from "./hash-api-token.ts";

/** What the token's lookup reads; `makerRole` is null when its maker is gone or no longer a member. */
interface TokenRow {
  id: string;
  userId: string;
  role: Role;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  name: string;
  email: string;
  makerRole: Role | null;
}

/** How often the last use of a token is written, at most. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * The token's own user as the actor. Refuses (`unauthenticated`) an unknown, revoked or expired
 * token, and one whose maker no longer has at least the token's role in its workspace — a token
 * never outlives its maker's rights.
 */
export async function resolveApiToken(db: Db, token: string, now = new Date()): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw new AppError("unauthenticated", "This API token is not valid.");
  // One round trip: the token, its user, and its maker's role in the token's workspace.
  const rows = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."userId", t."role", t."expiresAt", t."lastUsedAt", t."revokedAt", u."name", u."email", m."role" AS "makerRole"
    FROM "ApiToken" t
    JOIN "User" u ON u."id" = t."userId"
    LEFT JOIN "Membership" m ON m."workspaceId" = t."workspaceId" AND m."userId" = t."createdById"
    WHERE t."tokenHash" = ${hashApiToken(token)}`;
  const row = rows[0];
  if (!row) throw new AppError("unauthenticated", "This API token is not valid.");
  if (row.revokedAt) throw new AppError("unauthenticated", "This API token was revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("unauthenticated", "This API token has expired.");
  if (!row.makerRole || ROLE_ORDER.indexOf(row.makerRole) < ROLE_ORDER.indexOf(row.role)) {
    throw new AppError("unauthenticated", "The person who made this API token no longer has its rights in the workspace.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { kind: "user", userId: row.userId, name: row.name, email: row.email };
}
