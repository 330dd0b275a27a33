// The scale bench's background jobs: dossiers whose suggestion refresh is queued as a job, so that jobs run on the instances while one is killed; then whether each job ended once and whole.
import pg from "pg";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "@/server/examples/example-workspace-slug.ts";
import { makeLargeDossier } from "../make-large-dossier.ts";
import { callJson } from "./call-json.ts";

/** A dossier made for a job, and the source whose attaching queues it. */
export interface JobDossier {
  dossierId: string;
  claims: number;
  source: { title: string; text: string };
}

/** How one job ended, read from the database. */
export interface JobOutcome {
  jobId: string;
  state: string;
  done: number;
  total: number;
  attempts: number;
  /** Runs the job went through (one per slice, plus none for retries, which reuse a run's id). */
  runs: number;
  /** Runs that were retried: after failing, or after expiring because their instance died. */
  retriedRuns: number;
  /** Suggested links stored more than once (same claim, version and span). */
  duplicated: number;
  finishedAt: Date | null;
}

/**
 * Makes `count` dossiers in the example workspace (owned by `ownerEmail`), each with a briefing of
 * `claims` claims from the seeded generator and, to attach later, a source of `words` words:
 * claims × characters far above the in-request budget, so attaching it queues a job.
 */
export async function prepareJobDossiers(databaseUrl: string, ownerEmail: string, count: number, claims: number, words: number): Promise<JobDossier[]> {
  const { prisma, database } = await connectDatabase({ kind: "postgres", url: databaseUrl }, { seed: false });
  try {
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: EXAMPLE_WORKSPACE_SLUG } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: ownerEmail } });
    const actor = { kind: "user" as const, userId: user.id, name: user.name, email: user.email };
    const made: JobDossier[] = [];
    for (let i = 0; i < count; i++) {
      const generated = makeLargeDossier({ sources: 1, words, claims, seed: 20261129 + i });
      const created = await createDossier(prisma, {
        actor,
        dossier: { workspaceId: workspace.id, title: `Job dossier ${i + 1}` },
        briefing: { from: "text", text: generated.briefing, format: "text" },
      });
      made.push({ dossierId: created.dossierId, claims: created.claims, source: generated.sources[0] });
    }
    return made;
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

/**
 * Attaches each dossier's source through `baseUrl` as its owner would, all at once, and returns
 * the suggestion job each attach queued. A source over the import budget is imported by an import
 * job first (`202`): its end is awaited (in `databaseUrl`) and must have stored the source once;
 * the suggestion job is then the one that import queued.
 */
export async function attachJobSources(baseUrl: string, cookie: string, dossiers: JobDossier[], databaseUrl: string): Promise<{ suggestionJobs: string[]; importJobs: string[] }> {
  const importJobs: string[] = [];
  const suggestionJobs = await Promise.all(
    dossiers.map(async (dossier) => {
      const added = await callJson(`${baseUrl}/api/v1/dossiers/${dossier.dossierId}/sources`, {
        method: "POST",
        cookie,
        origin: baseUrl,
        body: JSON.stringify({ document: { from: "text", text: dossier.source.text, format: "text" }, metadata: { title: dossier.source.title } }),
      });
      if (added.status === 202) {
        importJobs.push(added.body.job.id);
        return suggestionJobOfImport(databaseUrl, added.body.job.id, dossier);
      }
      if (added.status !== 201) throw new Error(`attaching a job source answered ${added.status}: ${JSON.stringify(added.body).slice(0, 300)}`);
      if (!added.body.jobId) throw new Error("attaching the source did not queue a job: the dossier fits the in-request budget");
      return added.body.jobId as string;
    }),
  );
  return { suggestionJobs, importJobs };
}

/** Waits for the import job to end and returns the suggestion job it queued, once its source is stored exactly once. */
async function suggestionJobOfImport(databaseUrl: string, importJobId: string, dossier: JobDossier): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + 120_000;
    for (;;) {
      const job = (await client.query(`SELECT state::text, error, result FROM "Job" WHERE id = $1`, [importJobId])).rows[0];
      if (job.state === "done") {
        const sources = (await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "Document" WHERE "dossierId" = $1 AND title = $2`, [dossier.dossierId, dossier.source.title])).rows[0].n;
        if (sources !== 1) throw new Error(`the import job stored the source ${sources} times`);
        if (!job.result?.suggestionsJobId) throw new Error("the import did not queue a suggestion job: the dossier fits the in-request budget");
        return job.result.suggestionsJobId as string;
      }
      if (job.state !== "queued" && job.state !== "running") throw new Error(`the import job ended ${job.state}: ${job.error}`);
      if (Date.now() > until) throw new Error("the import job did not end within 2 minutes");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

/** Waits until every job has ended (or `timeoutMs` passed) and reads how each ended. */
export async function waitForJobs(databaseUrl: string, jobIds: string[], timeoutMs: number): Promise<JobOutcome[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "Job" WHERE id = ANY($1) AND state IN ('queued', 'running')`, [jobIds]);
      if (rows[0].n === 0 || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const outcomes: JobOutcome[] = [];
    for (const jobId of jobIds) {
      const job = (await client.query(`SELECT state::text, done, total, attempts, "dossierId", "finishedAt" FROM "Job" WHERE id = $1`, [jobId])).rows[0];
      const runs = (
        await client.query<{ runs: number; retried: number }>(
          `SELECT COUNT(*)::int AS runs, COUNT(*) FILTER (WHERE retry_count > 0)::int AS retried FROM pgboss.job WHERE id::text = $1 OR data->>'jobId' = $1`,
          [jobId],
        )
      ).rows[0];
      const duplicated = (
        await client.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM (
             SELECT 1 FROM "Link" l JOIN "Claim" c ON c.id = l."claimId"
             WHERE c."dossierId" = $1 AND l.state = 'suggested'
             GROUP BY l."claimId", l."versionId", l.start, l."end" HAVING COUNT(*) > 1) d`,
          [job.dossierId],
        )
      ).rows[0].n;
      outcomes.push({ jobId, state: job.state, done: job.done, total: job.total, attempts: job.attempts, runs: runs.runs, retriedRuns: runs.retried, duplicated, finishedAt: job.finishedAt });
    }
    return outcomes;
  } finally {
    await client.end();
  }
}

/** The runs active now and their jobs' progress: read at the kill, they tell which jobs were running then, and how far. */
export async function activeRuns(databaseUrl: string): Promise<{ id: string; jobId: string; done: number; total: number }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; jobId: string; done: number; total: number }>(
      `SELECT r.id::text, j.id AS "jobId", j.done, j.total
       FROM pgboss.job r JOIN "Job" j ON j.id = COALESCE(r.data->>'jobId', r.id::text)
       WHERE r.name = 'suggestions' AND r.state = 'active'`,
    );
    return rows;
  } finally {
    await client.end();
  }
}
