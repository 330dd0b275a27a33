// POST a W3C Web Annotation export (JSON-LD) to restore its links and notes in this dossier.
import { getDb } from "@/server/db.ts";
import { MAX_IMPORT_BYTES } from "@/server/exports/export-schemas.ts";
import { importWebAnnotations } from "@/server/exports/import-web-annotations.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) =>
  importWebAnnotations(await getDb(), { dossierId, json: await readJson(request, MAX_IMPORT_BYTES), actor }),
  { maxBodyBytes: MAX_IMPORT_BYTES },
);
