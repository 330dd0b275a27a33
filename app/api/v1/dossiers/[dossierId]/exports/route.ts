// POST { format } to export a dossier through a job: 201 with the job done when written in the request, 202 when queued.
import { getDb } from "@/server/db.ts";
import { requestExport } from "@/server/exports/request-export.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import type { JobView } from "@/server/jobs/present-job.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string }>(
  async (request, { dossierId }, actor) => {
    return requestExport(await getDb(), { dossierId, body: await readJson(request), actor });
  },
  { status: (job) => ((job as JobView).state === "done" ? 201 : 202) },
);
