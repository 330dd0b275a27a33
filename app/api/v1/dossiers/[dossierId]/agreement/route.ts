// GET how each pair of the dossier's reviewers agree: claims both reviewed, observed agreement, Cohen's kappa.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { getAgreement } from "@/server/reviews/get-agreement.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) =>
  getAgreement(await getDb(), { dossierId, actorId: requireUserId(actor) }),
);
