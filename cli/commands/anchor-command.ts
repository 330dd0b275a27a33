// `attest anchor --input JOB --output RESULT`: re-anchors each task's selectors from its old text to its new text.
import { readFile, writeFile } from "node:fs/promises";
import { anchorJobSchema } from "../../core/anchoring/anchor-job-schema.ts";
import { reanchorAll } from "../../core/anchoring/reanchor-all.ts";
import type { AnchorResult, Selector } from "../../core/anchoring/types.ts";

const USAGE = "usage: attest anchor --input JOB.json --output RESULT.json";

/** One anchor of the result file; offsets into the task's `newText`, absent when orphaned. */
interface AnchorOutput {
  id: string;
  status: AnchorResult["status"];
  start?: number;
  end?: number;
  score?: number;
}

/**
 * Reads and validates the job, re-anchors each task with one diff of its texts, writes the
 * result; 2 (and no output file) on bad arguments or input.
 */
export async function anchorCommand(args: string[]): Promise<number> {
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
  const parsed = anchorJobSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`invalid job ${options.input}: ${formatPath(issue.path) || "(root)"}: ${issue.message}`);
  }
  const tasks = parsed.data.tasks.map((task) => {
    const selectors: Selector[][] = task.selectors.map((s) => [
      { type: "TextQuoteSelector", exact: s.exact, prefix: s.prefix, suffix: s.suffix },
      { type: "TextPositionSelector", start: s.start, end: s.end },
    ]);
    const results = reanchorAll(task.oldText, task.newText, selectors);
    const anchors = results.map((result, i): AnchorOutput => {
      const id = task.selectors[i].id;
      if (result.status === "orphaned") return { id, status: "orphaned" };
      return { id, status: result.status, start: result.start, end: result.end, score: round(result.score) };
    });
    return { id: task.id, anchors };
  });
  try {
    await writeFile(options.output, JSON.stringify({ tasks }) + "\n");
  } catch (error) {
    process.stderr.write(`attest anchor: cannot write ${options.output}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return 0;
}

/** `["tasks", 0, "selectors", 2, "end"]` → `tasks[0].selectors[2].end`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${String(key)}`)).join("");
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
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
  process.stderr.write(`attest anchor: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  return 2;
}
