// GET the claim's review as the reader shows it: state, assignee, visible reviews, history.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { getClaimReview } from "@/server/reviews/get-claim-review.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string; claimId: string }>(async (_request, { dossierId, claimId }, actor) =>
  getClaimReview(await getDb(), { dossierId, claimId, actorId: requireUserId(actor) }),
);
