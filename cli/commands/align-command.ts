// `attest align --input JOB --output RESULT`: attributes the claims of every task of a job file to its sources.
import { alignClaims } from "../../core/alignment/align-claims.ts";
import { alignJobSchema } from "../../core/alignment/align-job-schema.ts";
import { runJsonJob } from "../run-json-job.ts";

/** Reads and validates the job, aligns each task, writes the result; 2 on bad arguments or input. */
export async function alignCommand(args: string[]): Promise<number> {
  return runJsonJob(args, {
    name: "align",
    schema: alignJobSchema,
    run: (job) => ({ tasks: job.tasks.map((task) => ({ id: task.id, claims: alignClaims(task) })) }),
  });
}
