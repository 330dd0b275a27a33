// PUT { tags, revision }: replace a thread's tags.
import { updateAnnotation } from "@/server/annotations/update-annotation.ts";
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";

export const dynamic = "force-dynamic";

export const PUT = handleRoute<{ annotationId: string }>(async (request, { annotationId }, actor) =>
  updateAnnotation(await getDb(), { annotationId, update: { kind: "tag", change: (await readJson(request)) as never }, actor }),
);
