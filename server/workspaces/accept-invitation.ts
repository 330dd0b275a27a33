// Accepts an invitation by link: the signed-in user joins the workspace with the invitation's role.
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Role } from "../generated/prisma/client.ts";
import type { Actor } from "../policies/actor.ts";
import { hashInvitationToken } from "./hash-invitation-token.ts";
import { invitationStatus, unusableInvitationMessage } from "./invitation-status.ts";
import { lockWorkspace } from "./lock-workspace.ts";
import { roleRank } from "./role-rank.ts";
import { invitationTokenSchema } from "./workspace-schemas.ts";

/** The membership an accepted invitation gave. */
export interface AcceptedInvitation {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /** The role the user had before, when they were already a member with a lower one. */
  previousRole: Role | null;
}

const UNKNOWN = "This invitation link does not work; check that it was copied whole.";

/**
 * An invitation is used once. A used, withdrawn or expired link is `gone`, with the reason in
 * words. Someone already a member keeps the higher role: an invitation to a higher role raises
 * theirs (and is used up); one that would not raise it is refused as a `conflict` and stays
 * usable for the person it was meant for.
 */
export async function acceptInvitation(db: Db, input: { token: string; actor: Actor; now?: Date }): Promise<AcceptedInvitation> {
  if (input.actor.kind !== "user") throw new AppError("unauthenticated", "Sign in or create an account to accept the invitation.");
  const userId = input.actor.userId;
  if (await db.apiToken.findUnique({ where: { userId }, select: { id: true } })) throw new AppError("forbidden", "An access token cannot accept invitations.");
  if (!invitationTokenSchema.safeParse(input.token).success) throw new AppError("not_found", UNKNOWN);
  const now = input.now ?? new Date();
  const tokenHash = hashInvitationToken(input.token);
  return db.$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash }, select: { workspaceId: true } });
    if (!found) throw new AppError("not_found", UNKNOWN);
    // Read the invitation again under the workspace's lock: two people racing for one link, or an
    // owner withdrawing it meanwhile, are settled one after the other.
    await lockWorkspace(tx, found.workspaceId);
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, workspaceId: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } } },
    });
    const workspaceName = invitation.workspace.name;
    const status = invitationStatus(invitation, now);
    if (status !== "pending") throw new AppError("gone", unusableInvitationMessage(status, { expiresAt: invitation.expiresAt, workspaceName }), { status });

    const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } }, select: { role: true } });
    if (membership && roleRank(membership.role) >= roleRank(invitation.role)) {
      throw new AppError(
        "conflict",
        `You are already a member of ${workspaceName} as ${membership.role}; this invitation (${invitation.role}) would not change that.`,
        { role: membership.role },
      );
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedById: userId } });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
      create: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
      update: { role: invitation.role },
    });
    await recordActivity(tx, {
      workspaceId: invitation.workspaceId,
      actorId: userId,
      action: "invitation.accepted",
      entityType: "invitation",
      entityId: invitation.id,
      before: membership ? { role: membership.role } : undefined,
      after: { userId, role: invitation.role },
    });
    return { workspaceId: invitation.workspaceId, workspaceName, role: invitation.role, previousRole: membership?.role ?? null };
  });
}
