// Invites someone into a workspace by link, with a role and an expiry.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { hashInvitationToken, invitationPath, newInvitationToken } from "./hash-invitation-token.ts";
import { invitationSelect, presentInvitation, type InvitationView } from "./present-invitation.ts";
import { createInvitationSchema } from "./workspace-schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Owners create an invitation that works for 1–30 days. The link (with its random token) is
 * returned this once; only the token's hash is stored, so it cannot be shown again.
 */
export async function createInvitation(
  db: Db,
  input: { workspaceId: string; invitation: z.input<typeof createInvitationSchema>; actor: Actor; now?: Date },
): Promise<{ invitation: InvitationView; path: string }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.invite");
    const { role, expiresInDays } = parseInput(createInvitationSchema, input.invitation);
    const token = newInvitationToken();
    const row = await tx.invitation.create({
      data: { workspaceId: grant.workspaceId, role, tokenHash: hashInvitationToken(token), invitedById: grant.userId, createdAt: now, expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS) },
      select: invitationSelect,
    });
    const invitation = presentInvitation(row);
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      actorId: grant.userId,
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      after: { role, expiresAt: invitation.expiresAt },
    });
    return { invitation, path: invitationPath(token) };
  });
}
