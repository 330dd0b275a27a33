// GET the re-check queue (links and notes whose text changed or vanished, with word diffs);
// POST `{ target, resolution }` to confirm, drop or re-link one of them.
import { getDb } from "@/server/db.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { requireUserId } from "@/server/policies/require-user-id.ts";
import { listRecheckQueue } from "@/server/reviews/list-recheck-queue.ts";
import { resolveRecheck } from "@/server/reviews/resolve-recheck.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) =>
  listRecheckQueue(await getDb(), { dossierId, actorId: requireUserId(actor) }),
);

export const POST = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) => {
  const actorId = requireUserId(actor);
  const body = (await readJson(request)) as { target?: unknown; resolution?: unknown } | null;
  if (typeof body !== "object" || body === null) throw new AppError("invalid_input", "Send { target, resolution }.");
  return resolveRecheck(await getDb(), { dossierId, target: body.target as never, resolution: body.resolution as never, actorId });
});
