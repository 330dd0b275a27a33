// GET a dossier as a file: ?format=jsonld (W3C Web Annotations), md (Markdown) or csv.
import { getDb } from "@/server/db.ts";
import { exportDossier } from "@/server/exports/export-dossier.ts";
import { handleDownload } from "@/server/http/handle-download.ts";

export const dynamic = "force-dynamic";

export const GET = handleDownload<{ dossierId: string }>(async (request, { dossierId }, actor) =>
  exportDossier(await getDb(), { dossierId, format: new URL(request.url).searchParams.get("format"), actor }),
);
