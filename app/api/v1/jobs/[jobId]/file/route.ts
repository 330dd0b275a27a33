// GET the file a finished export job wrote.
import { getDb } from "@/server/db.ts";
import { downloadJobFile } from "@/server/exports/download-job-file.ts";
import { acceptsGzip } from "@/server/http/accepts-gzip.ts";
import { handleDownload } from "@/server/http/handle-download.ts";

export const dynamic = "force-dynamic";

export const GET = handleDownload<{ jobId: string }>(async (request, { jobId }, actor) =>
  downloadJobFile(await getDb(), { jobId, actor, acceptsGzip: acceptsGzip(request.headers.get("accept-encoding")) }),
);

