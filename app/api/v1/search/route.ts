// GET full-text search results: ?q=words&limit=n.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { searchWorkspaces } from "@/server/search/search-workspaces.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<Record<string, never>>(async (request, _params, actor) => {
  const params = new URL(request.url).searchParams;
  return searchWorkspaces(await getDb(), { actor, search: { q: params.get("q") ?? "", limit: params.get("limit") ?? undefined } });
});
