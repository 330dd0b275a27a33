// GET: the workspace and the reader's role in it. PATCH `{ viewersMayAnnotate }`: the owner's settings.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { getWorkspaceOrThrow } from "@/server/workspaces/get-workspace-or-throw.ts";
import { setViewersMayAnnotate } from "@/server/workspaces/set-viewers-may-annotate.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ workspaceId: string }>(async (_request, { workspaceId }, actor) => getWorkspaceOrThrow(await getDb(), { workspaceId, actor }));

export const PATCH = handleRoute<{ workspaceId: string }>(async (request, { workspaceId }, actor) =>
  setViewersMayAnnotate(await getDb(), { workspaceId, settings: (await readJson(request)) as never, actor }),
);
