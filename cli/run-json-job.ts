// The shape every batch command shares: `--input JOB --output RESULT`, a zod-validated job, one
// line on stderr and exit code 2 (no output file) for bad arguments or input.
import { readFile, writeFile } from "node:fs/promises";
import type { z } from "zod";

/** A batch command: its name, its job schema, and the work that turns a valid job into a result. */
export interface JsonJob<S extends z.ZodType> {
  name: string;
  schema: S;
  run: (job: z.output<S>) => unknown;
}

/** Runs the command on its arguments; resolves to the exit code. */
export async function runJsonJob<S extends z.ZodType>(args: string[], job: JsonJob<S>): Promise<number> {
  const usage = `usage: attest ${job.name} --input JOB.json --output RESULT.json`;
  const fail = (message: string, code = 2) => {
    process.stderr.write(`attest ${job.name}: ${message.replace(/\s*\n\s*/g, " ")}\n`);
    return code;
  };
  const options = parseArgs(args, usage);
  if (typeof options === "string") return fail(options);
  let raw: string;
  try {
    raw = await readFile(options.input, "utf8");
  } catch (error) {
    return fail(`cannot read ${options.input}: ${messageOf(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return fail(`${options.input} is not JSON: ${messageOf(error)}`);
  }
  const parsed = job.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`invalid job ${options.input}: ${formatPath(issue.path) || "(root)"}: ${issue.message}`);
  }
  const result = job.run(parsed.data);
  try {
    await writeFile(options.output, JSON.stringify(result) + "\n");
  } catch (error) {
    return fail(`cannot write ${options.output}: ${messageOf(error)}`, 1);
  }
  return 0;
}

function parseArgs(args: string[], usage: string): { input: string; output: string } | string {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--input" || arg === "--output") {
      const value = args[++i];
      if (!value) return `${arg} needs a file (${usage})`;
      if (arg === "--input") input = value;
      else output = value;
    } else return `unknown argument "${arg}" (${usage})`;
  }
  if (!input || !output) return usage;
  return { input, output };
}

/** `["tasks", 0, "selectors", 2, "end"]` → `tasks[0].selectors[2].end`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${String(key)}`)).join("");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
