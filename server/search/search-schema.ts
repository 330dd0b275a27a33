// The input of a search.
import { z } from "zod";

/** What a search asks for. */
export const searchSchema = z.object({
  /** Words, "quoted phrases", `or`, and `-excluded` words, as in a web search engine. */
  q: z
    .string()
    // Control characters can never match stored text (and NUL cannot be sent to PostgreSQL).
    .transform((q) => q.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
    .pipe(z.string().min(1, "Type something to search for.").max(200, "A search is at most 200 characters.")),
  /** How many results at most (1–100, 30 when absent). */
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** A search request before validation. */
export type SearchInput = z.input<typeof searchSchema>;
