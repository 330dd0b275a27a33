// POST to cancel a queued or running background job (editors and owners).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { cancelJob } from "@/server/jobs/cancel-job.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ jobId: string }>(async (_request, { jobId }, actor) => cancelJob(await getDb(), { jobId, actor }));
