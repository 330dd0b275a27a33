// The order of workspace roles, from least to most allowed.
import type { Role } from "../generated/prisma/client.ts";

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

/** 0 for viewer up to 3 for owner: a higher rank may do everything a lower one may. */
export function roleRank(role: Role): number {
  return RANK[role];
}
