// POST `{ outcome, reason, revision }`: the owner's decision on a claim its reviewers disagreed on.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { adjudicateClaim } from "@/server/reviews/adjudicate-claim.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string; claimId: string }>(async (request, { dossierId, claimId }, actor) =>
  adjudicateClaim(await getDb(), { dossierId, claimId, decision: (await readJson(request)) as never, actorId: requireUserId(actor) }),
);
