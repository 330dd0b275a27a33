// Serialises membership changes in one workspace, so two owners cannot demote each other at once.
import type { Tx } from "../db.ts";

/**
 * Locks the workspace's row until the transaction ends: membership changes that count owners or
 * consume an invitation run one after another.
 */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
}
