// The fields of a membership that leave the server.
import type { Role } from "../generated/prisma/client.ts";

/** A member of a workspace as the settings page lists them. */
export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

/** Select this on a membership, then present with `presentMember`. */
export const memberSelect = {
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

/** A membership row as a `MemberView`. */
export function presentMember(row: { role: Role; createdAt: Date; user: { id: string; name: string; email: string } }): MemberView {
  return { userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.createdAt.toISOString() };
}
