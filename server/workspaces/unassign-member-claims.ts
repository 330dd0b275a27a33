// Hands back the claims assigned to someone who is leaving a workspace.
import type { Tx } from "../db.ts";

/** Unassigns the member's claims in the workspace's dossiers; returns how many there were. */
export async function unassignMemberClaims(tx: Tx, workspaceId: string, userId: string): Promise<number> {
  const { count } = await tx.claim.updateMany({
    where: { assigneeId: userId, dossier: { workspaceId } },
    data: { assigneeId: null, revision: { increment: 1 } },
  });
  return count;
}
