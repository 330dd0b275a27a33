// GET a page of the dossier's activity feed, newest first (`?cursor=…&limit=…`).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { listDossierActivity } from "@/server/reviews/list-dossier-activity.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) => {
  const query = new URL(request.url).searchParams;
  const limit = query.get("limit");
  const page = { cursor: query.get("cursor") ?? undefined, limit: limit === null ? undefined : Number(limit) };
  return listDossierActivity(await getDb(), { dossierId, page, actorId: requireUserId(actor), asOwner: query.get("as") === "owner" });
});
