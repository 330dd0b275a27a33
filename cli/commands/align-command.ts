// `attest align --input JOB --output RESULT`: attributes the claims of every task of a job file to its sources.
import { readFile, writeFile } from "node:fs/promises";
import { alignClaims } from "../../core/alignment/align-claims.ts";
import { alignJobSchema } from "../../core/alignment/align-job-schema.ts";

const USAGE = "usage: attest align --input JOB.json --output RESULT.json";

/** Reads and validates the job, aligns each task, writes the result; 2 on bad arguments or input. */
export async function alignCommand(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === "string") return fail(options);
  let raw: string;
  try {
    raw = await readFile(options.input, "utf8");
  } catch (error) {
    return fail(`cannot read ${options.input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return fail(`${options.input} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = alignJobSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`invalid job ${options.input}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const tasks = parsed.data.tasks.map((task) => ({ id: task.id, claims: alignClaims(task) }));
  await writeFile(options.output, JSON.stringify({ tasks }));
  return 0;
}

function parseArgs(args: string[]): { input: string; output: string } | string {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--input" || arg === "--output") {
      const value = args[++i];
      if (!value) return `${arg} needs a file (${USAGE})`;
      if (arg === "--input") input = value;
      else output = value;
    } else return `unknown argument "${arg}" (${USAGE})`;
  }
  if (!input || !output) return USAGE;
  return { input, output };
}

function fail(message: string): number {
  process.stderr.write(`attest align: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  return 2;
}
