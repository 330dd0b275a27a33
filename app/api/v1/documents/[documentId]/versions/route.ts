// POST a new version of a source or briefing: 200 with the version, or 202 with the import job that will store it.
import { getDb } from "@/server/db.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { isQueued } from "@/server/documents/queue-import.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { MAX_UPLOAD_BYTES, readDocumentRequest } from "@/server/http/read-document-request.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ documentId: string }>(async (request, { documentId }, actor) => {
  const { document } = await readDocumentRequest(request);
  return addDocumentVersion(await getDb(), { documentId, document, actor, background: true });
}, { status: (result) => (isQueued(result) ? 202 : 200), maxBodyBytes: MAX_UPLOAD_BYTES });
