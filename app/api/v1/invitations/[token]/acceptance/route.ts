// POST: the signed-in user accepts the invitation and joins its workspace.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { acceptInvitation } from "@/server/workspaces/accept-invitation.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ token: string }>(async (_request, { token }, actor) => acceptInvitation(await getDb(), { token, actor }));
