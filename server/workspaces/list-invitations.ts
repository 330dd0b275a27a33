// Lists the invitations of a workspace whose links still work.
import type { Db } from "../db.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { invitationSelect, presentInvitation, type InvitationView } from "./present-invitation.ts";

/** Pending invitations (not used, not withdrawn, not expired at `now`), soonest to expire first. */
export async function listInvitations(db: Db, input: { workspaceId: string; actor: Actor; now?: Date }): Promise<InvitationView[]> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.invite");
    const rows = await tx.invitation.findMany({
      where: { workspaceId: input.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      select: invitationSelect,
    });
    return rows.map(presentInvitation);
  });
}
