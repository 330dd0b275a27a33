// The fields of an invitation that leave the server (never its token or hash).
import type { Role } from "../generated/prisma/client.ts";

/** A pending invitation as the settings page lists it. */
export interface InvitationView {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedByName: string | null;
}

/** Select this, then present with `presentInvitation`. */
export const invitationSelect = {
  id: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

/** An invitation row as an `InvitationView`. */
export function presentInvitation(row: { id: string; role: Role; createdAt: Date; expiresAt: Date; invitedBy: { name: string } | null }): InvitationView {
  return { id: row.id, role: row.role, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), invitedByName: row.invitedBy?.name ?? null };
}
