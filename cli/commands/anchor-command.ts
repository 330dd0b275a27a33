// `attest anchor --input JOB --output RESULT`: re-anchors each task's selectors from its old text to its new text.
import { anchorJobSchema } from "../../core/anchoring/anchor-job-schema.ts";
import { reanchorAll } from "../../core/anchoring/reanchor-all.ts";
import type { AnchorResult, Selector } from "../../core/anchoring/types.ts";
import { runJsonJob } from "../run-json-job.ts";

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
  return runJsonJob(args, {
    name: "anchor",
    schema: anchorJobSchema,
    run: (job) => ({
      tasks: job.tasks.map((task) => {
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
      }),
    }),
  });
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
