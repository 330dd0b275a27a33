// Lists a dossier's background jobs: those queued or running, then the ones that ended in the last day.
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "../links/link-schemas.ts";
import { actorUserId, type Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { canOnDossier } from "../policies/can-on-dossier.ts";
import { presentJob, type JobView } from "./present-job.ts";

/** How far back ended jobs are listed, and how many at most. */
const RECENT_MS = 24 * 60 * 60 * 1000;
const RECENT_LIMIT = 10;

/** A listed job, with whether the caller may cancel it. */
export type ListedJob = JobView & { canCancel: boolean };

/**
 * The dossier's jobs for a member: active ones first, then recent ones, newest first; whether the
 * caller may cancel jobs (editors and owners), and for each job whether they may cancel that one
 * (also the member who asked for an export).
 */
export async function listDossierJobs(db: Db, input: { dossierId: string; actor: Actor }): Promise<{ jobs: ListedJob[]; canCancel: boolean }> {
  const dossierId = parseInput(idSchema, input.dossierId);
  await authorizeDossier(db, input.actor, dossierId, "dossier.read");
  const now = new Date();
  const [active, recent, canCancel] = await Promise.all([
    db.job.findMany({ where: { dossierId, state: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } }),
    db.job.findMany({
      where: { dossierId, state: { in: ["done", "failed", "cancelled"] }, createdAt: { gte: new Date(now.getTime() - RECENT_MS) } },
      orderBy: { createdAt: "desc" },
      take: RECENT_LIMIT,
    }),
    canOnDossier(db, input.actor, dossierId, "document.write"),
  ]);
  const me = actorUserId(input.actor);
  const own = (job: { kind: string; createdById: string | null }) => job.kind === "export" && me !== null && job.createdById === me;
  return { jobs: [...active, ...recent].map((job) => ({ ...presentJob(job, now), canCancel: canCancel || own(job) })), canCancel };
}
