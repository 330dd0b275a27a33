// POST a claim's review state.
import { setReviewState } from "@/server/claims/set-review-state.ts";
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { actorUserId } from "@/server/policies/actor.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ claimId: string }>(async (request, { claimId }, actor) =>
  setReviewState(await getDb(), { claimId, review: (await readJson(request)) as never, actorId: actorUserId(actor) }),
);
