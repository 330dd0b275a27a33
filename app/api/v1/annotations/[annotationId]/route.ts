// PATCH an annotation's body ({ body, revision }); DELETE it ({ revision }), leaving a placeholder in its thread.
import { updateAnnotation } from "@/server/annotations/update-annotation.ts";
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";

export const dynamic = "force-dynamic";

export const PATCH = handleRoute<{ annotationId: string }>(async (request, { annotationId }, actor) =>
  updateAnnotation(await getDb(), { annotationId, update: { kind: "edit", change: (await readJson(request)) as never }, actor }),
);

export const DELETE = handleRoute<{ annotationId: string }>(async (request, { annotationId }, actor) =>
  updateAnnotation(await getDb(), { annotationId, update: { kind: "delete", change: (await readJson(request)) as never }, actor }),
);
