// Reads an invitation by the token of its link, as the invitation page shows it.
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Role } from "../generated/prisma/client.ts";
import type { Actor } from "../policies/actor.ts";
import { hashInvitationToken } from "./hash-invitation-token.ts";
import { invitationStatus, unusableInvitationMessage, type InvitationStatus } from "./invitation-status.ts";
import { invitationTokenSchema } from "./workspace-schemas.ts";

/** What the holder of an invitation link learns, signed in or not. */
export interface InvitationPreview {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  invitedByName: string | null;
  expiresAt: string;
  status: InvitationStatus;
  /** Why the link no longer works, in words; null while it is pending. */
  problem: string | null;
  /** The signed-in reader's current role in the workspace, if they are a member. */
  yourRole: Role | null;
}

/**
 * The invitation behind `token`: anyone holding the link may see the workspace's name and the
 * role offered. An unknown or malformed token is `not_found`.
 */
export async function getInvitation(db: Db, input: { token: string; actor: Actor; now?: Date }): Promise<InvitationPreview> {
  if (!invitationTokenSchema.safeParse(input.token).success) throw new AppError("not_found", "This invitation link does not work; check that it was copied whole.");
  const now = input.now ?? new Date();
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(input.token) },
    select: {
      workspaceId: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
      workspace: { select: { name: true } },
    },
  });
  if (!row) throw new AppError("not_found", "This invitation link does not work; check that it was copied whole.");
  const status = invitationStatus(row, now);
  const membership =
    input.actor.kind === "user"
      ? await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: input.actor.userId } }, select: { role: true } })
      : null;
  return {
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    role: row.role,
    invitedByName: row.invitedBy?.name ?? null,
    expiresAt: row.expiresAt.toISOString(),
    status,
    problem: status === "pending" ? null : unusableInvitationMessage(status, { expiresAt: row.expiresAt, workspaceName: row.workspace.name }),
    yourRole: membership?.role ?? null,
  };
}
