// GET the claims whose reviewers disagreed and that wait for the owner's decision (owners).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { listAdjudicationQueue } from "@/server/reviews/list-adjudication-queue.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) =>
  listAdjudicationQueue(await getDb(), { dossierId, actorId: requireUserId(actor) }),
);
