// POST `{ assigneeId, revision }`: assign the claim to a member for review, or unassign it (null).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { assignClaim } from "@/server/reviews/assign-claim.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string; claimId: string }>(async (request, { dossierId, claimId }, actor) =>
  assignClaim(await getDb(), { dossierId, claimId, assignment: (await readJson(request)) as never, actorId: requireUserId(actor) }),
);
