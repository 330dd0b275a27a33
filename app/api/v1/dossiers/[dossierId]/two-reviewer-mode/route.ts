// POST `{ enabled }`: turn two-reviewer mode on or off for the dossier (owners).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { setTwoReviewerMode } from "@/server/reviews/set-two-reviewer-mode.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) =>
  setTwoReviewerMode(await getDb(), { dossierId, mode: (await readJson(request)) as never, actorId: requireUserId(actor) }),
);
