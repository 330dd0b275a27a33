// GET the claim's reviews as the caller may see them (blind until they give theirs; `?as=owner`
// for the owner adjudicating); POST `{ verdict, note? }`: the caller's verdict in two-reviewer mode.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { getClaimReviews } from "@/server/reviews/get-claim-reviews.ts";
import { submitReview } from "@/server/reviews/submit-review.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string; claimId: string }>(async (request, { dossierId, claimId }, actor) =>
  getClaimReviews(await getDb(), { dossierId, claimId, actorId: requireUserId(actor), asOwner: new URL(request.url).searchParams.get("as") === "owner" }),
);

export const POST = handleRoute<{ dossierId: string; claimId: string }>(async (request, { dossierId, claimId }, actor) =>
  submitReview(await getDb(), { dossierId, claimId, review: (await readJson(request)) as never, actorId: requireUserId(actor) }),
);
