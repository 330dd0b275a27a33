// POST a new source to a dossier (pasted text, a file, or a URL): 201 with the source, or 202 with the import job that will store it.
import { getDb } from "@/server/db.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { isQueued } from "@/server/documents/queue-import.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { MAX_UPLOAD_BYTES, readDocumentRequest } from "@/server/http/read-document-request.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string }>(
  async (request, { dossierId }, actor) => {
    const { document, metadata } = await readDocumentRequest(request);
    return addSource(await getDb(), { dossierId, document, metadata, actor, background: true });
  },
  { status: (result) => (isQueued(result) ? 202 : 201), maxBodyBytes: MAX_UPLOAD_BYTES },
);
