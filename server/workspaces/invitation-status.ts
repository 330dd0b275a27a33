// Where an invitation stands at a given moment.

/** pending: the link works; the other states say why it does not. */
export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** The status of an invitation at `now`: used and withdrawn links say so even once expired. */
export function invitationStatus(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The sentence that explains why a link no longer works. */
export function unusableInvitationMessage(status: Exclude<InvitationStatus, "pending">, invitation: { expiresAt: Date; workspaceName: string }): string {
  switch (status) {
    case "accepted":
      return "This invitation has already been used. Ask an owner of the workspace for a new link.";
    case "revoked":
      return `This invitation to ${invitation.workspaceName} was withdrawn. Ask an owner of the workspace for a new link.`;
    case "expired":
      return `This invitation to ${invitation.workspaceName} expired on ${formatUtc(invitation.expiresAt)}. Ask an owner of the workspace for a new link.`;
  }
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " at ")} UTC`;
}
