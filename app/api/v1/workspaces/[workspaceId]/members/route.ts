// GET: the workspace's members with their roles (any member).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { listMembers } from "@/server/workspaces/list-members.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ workspaceId: string }>(async (_request, { workspaceId }, actor) => ({ members: await listMembers(await getDb(), { workspaceId, actor }) }));
