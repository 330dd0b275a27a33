// Withdraws an invitation: its link stops working.
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { idSchema } from "./workspace-schemas.ts";

/**
 * Owners withdraw an invitation of their workspace. Withdrawing one already withdrawn changes and
 * logs nothing; one already used cannot be withdrawn (remove the member instead).
 */
export async function revokeInvitation(db: Db, input: { workspaceId: string; invitationId: string; actor: Actor; now?: Date }): Promise<{ id: string; revokedAt: string }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.invite");
    const invitation = idSchema.safeParse(input.invitationId).success
      ? await tx.invitation.findFirst({ where: { id: input.invitationId, workspaceId: grant.workspaceId }, select: { id: true, role: true, acceptedAt: true, revokedAt: true } })
      : null;
    if (!invitation) throw new AppError("not_found", "No such invitation.");
    if (invitation.revokedAt) return { id: invitation.id, revokedAt: invitation.revokedAt.toISOString() };
    if (invitation.acceptedAt) throw new AppError("conflict", "This invitation has already been used; remove the member instead.");
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("conflict", "Someone used or withdrew this invitation meanwhile; reload and try again.");
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      actorId: grant.userId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
      before: { role: invitation.role },
    });
    return { id: invitation.id, revokedAt: now.toISOString() };
  });
}
