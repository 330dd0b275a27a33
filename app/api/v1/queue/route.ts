// GET the claims assigned to the caller that wait for their review, across their dossiers.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { listMyQueue } from "@/server/reviews/list-my-queue.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<unknown>(async (_request, _params, actor) => listMyQueue(await getDb(), { actorId: requireUserId(actor) }));
