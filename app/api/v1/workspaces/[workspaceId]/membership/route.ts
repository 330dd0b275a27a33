// DELETE: the signed-in member leaves the workspace.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { leaveWorkspace } from "@/server/workspaces/leave-workspace.ts";

export const dynamic = "force-dynamic";

export const DELETE = handleRoute<{ workspaceId: string }>(async (_request, { workspaceId }, actor) => leaveWorkspace(await getDb(), { workspaceId, actor }));
