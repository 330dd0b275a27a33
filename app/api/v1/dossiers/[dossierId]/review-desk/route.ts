// GET the dossier's review desk: mode, the caller's role, members, and claims with state and assignee.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { getReviewDesk } from "@/server/reviews/get-review-desk.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) =>
  getReviewDesk(await getDb(), { dossierId, actorId: requireUserId(actor) }),
);
