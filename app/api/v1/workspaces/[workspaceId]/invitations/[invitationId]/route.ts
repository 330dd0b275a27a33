// DELETE: withdraw an invitation; its link stops working. Owners only.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { revokeInvitation } from "@/server/workspaces/revoke-invitation.ts";

export const dynamic = "force-dynamic";

export const DELETE = handleRoute<{ workspaceId: string; invitationId: string }>(async (_request, { workspaceId, invitationId }, actor) =>
  revokeInvitation(await getDb(), { workspaceId, invitationId, actor }),
);
