// GET: what an invitation link offers (workspace, role, whether it still works); no account needed.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { getInvitation } from "@/server/workspaces/get-invitation.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ token: string }>(async (_request, { token }, actor) => getInvitation(await getDb(), { token, actor }));
