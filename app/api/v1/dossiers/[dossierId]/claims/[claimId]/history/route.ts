// GET the claim's history, oldest first: review states, assignments, reviews, adjudications, links, notes.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { getClaimHistory } from "@/server/reviews/get-claim-history.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string; claimId: string }>(async (request, { dossierId, claimId }, actor) =>
  getClaimHistory(await getDb(), { dossierId, claimId, actorId: requireUserId(actor), asOwner: new URL(request.url).searchParams.get("as") === "owner" }),
);
