// GET the dossier's background jobs: queued and running ones with done/total and time left, then recent ones.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { listDossierJobs } from "@/server/jobs/list-dossier-jobs.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) => listDossierJobs(await getDb(), { dossierId, actor }));
