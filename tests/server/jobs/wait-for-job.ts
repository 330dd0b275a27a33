// Waits in a test until a job reaches one of the given states, polling its row.
import type { Db } from "@/server/db.ts";

/** The job's row once its state is one of `states`; throws after `ms` with where it stands. */
export async function waitForJob(db: Db, id: string, states: string[], ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    if (states.includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`job ${id} is still ${job.state} (${job.done}/${job.total})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
