// Turns the bearer token of an API request into the actor it stands for, or refuses it.
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { ROLE_ORDER } from "./create-api-token.ts";
import { hashApiToken, TOKEN_PREFIX } from "./hash-api-token.ts";

/** How often the last use of a token is written, at most. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * The token's own user as the actor. Refuses (`unauthenticated`) an unknown, revoked or expired
 * token, and one whose maker no longer has at least the token's role in its workspace — a token
 * never outlives its maker's rights.
 */
export async function resolveApiToken(db: Db, token: string, now = new Date()): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw new AppError("unauthenticated", "This API token is not valid.");
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: { select: { name: true, email: true } } } });
  if (!row) throw new AppError("unauthenticated", "This API token is not valid.");
  if (row.revokedAt) throw new AppError("unauthenticated", "This API token was revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("unauthenticated", "This API token has expired.");
  const maker = row.createdById
    ? await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.createdById } }, select: { role: true } })
    : null;
  if (!maker || ROLE_ORDER.indexOf(maker.role) < ROLE_ORDER.indexOf(row.role)) {
    throw new AppError("unauthenticated", "The person who made this API token no longer has its rights in the workspace.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { kind: "user", userId: row.userId, name: row.user.name, email: row.user.email };
}
