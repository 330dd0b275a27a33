// GET the file a finished export job wrote.
import { getDb } from "@/server/db.ts";
import { downloadJobFile } from "@/server/exports/download-job-file.ts";
import { handleDownload } from "@/server/http/handle-download.ts";

export const dynamic = "force-dynamic";

export const GET = handleDownload<{ jobId: string }>(async (_request, { jobId }, actor) => downloadJobFile(await getDb(), { jobId, actor }));

