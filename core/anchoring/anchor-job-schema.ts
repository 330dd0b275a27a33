// The zod schema of a re-anchoring job file: tasks of selectors to carry from an old text to a new one.
import { z } from "zod";

/** One stored anchor: a quote selector and a position selector, flattened. */
const selectorSchema = z
  .object({
    /** Unique within its task; echoed in the result. */
    id: z.string().min(1, "selector id must not be empty"),
    /** The anchored text, as it was in `oldText`. */
    exact: z.string().min(1, "exact must not be empty"),
    /** Text just before `exact` in `oldText` (up to 32 characters); "" if none. */
    prefix: z.string().default(""),
    /** Text just after `exact` in `oldText` (up to 32 characters); "" if none. */
    suffix: z.string().default(""),
    /** Start of the anchored range in `oldText`, in UTF-16 code units. */
    start: z.number().int("start must be an integer").nonnegative("start must not be negative"),
    /** End of the anchored range in `oldText` (exclusive), in UTF-16 code units. */
    end: z.number().int("end must be an integer").nonnegative("end must not be negative"),
  })
  .refine((s) => s.end > s.start, { message: "end must be greater than start", path: ["end"] });

/** A job: `{ tasks: [{ id, oldText, newText, selectors: [{ id, exact, prefix, suffix, start, end }] }] }`. */
export const anchorJobSchema = z.object({
  tasks: z
    .array(
      z
        .object({
          /** Unique within the job. */
          id: z.string().min(1, "task id must not be empty"),
          /** The text the selectors describe. */
          oldText: z.string(),
          /** The text to re-anchor them in. */
          newText: z.string(),
          selectors: z.array(selectorSchema),
        })
        .superRefine((task, ctx) => {
          const ids = new Set<string>();
          task.selectors.forEach((s, i) => {
            if (ids.has(s.id)) {
              ctx.addIssue({ code: "custom", path: ["selectors", i, "id"], message: `duplicate selector id "${s.id}"` });
            }
            ids.add(s.id);
            if (s.end > task.oldText.length) {
              ctx.addIssue({
                code: "custom",
                path: ["selectors", i, "end"],
                message: `end ${s.end} is past the end of oldText (length ${task.oldText.length})`,
              });
            }
          });
        }),
    )
    .refine((tasks) => new Set(tasks.map((t) => t.id)).size === tasks.length, { message: "task ids must be unique" }),
});

/** A validated re-anchoring job. */
export type AnchorJob = z.infer<typeof anchorJobSchema>;
