// Revokes a personal access token: it stops working at once, and its membership goes.
import type { Db } from "../db.ts";
import { recordActivity } from "../activity/record-activity.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { apiTokenIdSchema } from "./api-token-schemas.ts";

/**
 * Revokes the token if the actor made it or may manage the workspace's members (an owner).
 * Revoking twice is harmless. A token of another workspace, or one the actor may not see, is
 * `not_found`.
 */
export async function revokeApiToken(db: Db, input: { actor: Actor; tokenId: string; now?: Date }): Promise<{ id: string; revokedAt: string }> {
  if (input.actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  const tokenId = parseInput(apiTokenIdSchema, input.tokenId);
  const actorId = input.actor.userId;
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) throw new AppError("not_found", "No such token.");
    if (token.createdById !== actorId) {
      try {
        await authorizeWorkspace(tx, input.actor, token.workspaceId, "workspace.members");
      } catch (error) {
        if (error instanceof AppError && (error.code === "forbidden" || error.code === "not_found")) throw new AppError("not_found", "No such token.");
        throw error;
      }
    }
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt.toISOString() };
    const revokedAt = input.now ?? new Date();
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
    await tx.membership.deleteMany({ where: { userId: token.userId } });
    await tx.session.deleteMany({ where: { userId: token.userId } });
    await recordActivity(tx, {
      workspaceId: token.workspaceId,
      actorId,
      action: "token.revoked",
      entityType: "apiToken",
      entityId: token.id,
      before: { name: token.name, role: token.role },
    });
    return { id: token.id, revokedAt: revokedAt.toISOString() };
  });
}
