// The rule that a workspace always keeps an owner.
import type { Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";

/**
 * Throws `conflict` when `userId` is the workspace's only owner, so demoting, removing or
 * letting them leave would leave nobody to manage it. Call it with the workspace locked.
 */
export async function ensureOwnerRemains(tx: Tx, workspaceId: string, userId: string, message: string): Promise<void> {
  const others = await tx.membership.count({ where: { workspaceId, role: "owner", userId: { not: userId }, user: { apiToken: null } } });
  if (others === 0) throw new AppError("conflict", message);
}
