// The zod schema of an alignment job file: independent tasks, each with its sources and claims.
import { z } from "zod";

const textItem = (what: string) =>
  z.object({
    /** Unique within its task. */
    id: z.string().min(1, `${what} id must not be empty`),
    /** The full text. */
    text: z.string(),
  });

/** A job: `{ tasks: [{ id, sources: [{ id, text }], claims: [{ id, text }] }] }`. */
export const alignJobSchema = z.object({
  tasks: z.array(
    z
      .object({
        /** Unique within the job. */
        id: z.string().min(1),
        sources: z.array(textItem("source")),
        claims: z.array(textItem("claim")),
      })
      .refine((t) => new Set(t.sources.map((s) => s.id)).size === t.sources.length, { message: "source ids must be unique within a task" })
      .refine((t) => new Set(t.claims.map((c) => c.id)).size === t.claims.length, { message: "claim ids must be unique within a task" }),
  ),
});

/** A validated alignment job. */
export type AlignJob = z.infer<typeof alignJobSchema>;
