// The input of an in-place briefing edit, validated at the boundary.
import { z } from "zod";

/** Longest briefing text accepted from the editor, in UTF-16 code units. */
export const MAX_BRIEFING_CHARS = 2_000_000;

const offset = z.int().min(0).max(MAX_BRIEFING_CHARS);

/** One block of the edited text. */
const blockSchema = z
  .object({
    kind: z.enum(["heading", "paragraph", "listItem", "blockquote", "code"]),
    start: offset,
    end: offset,
    /** Heading level 1–6; only for headings. */
    level: z.int().min(1).max(6).optional(),
    /** List nesting, 0 for a top-level item; only for list items. */
    depth: z.int().min(0).max(20).optional(),
  })
  .refine((b) => b.start < b.end, { message: "A block must hold some text.", path: ["end"] })
  .refine((b) => (b.kind === "heading") === (b.level !== undefined), { message: "Headings, and only headings, have a level.", path: ["level"] })
  .refine((b) => (b.kind === "listItem") === (b.depth !== undefined), { message: "List items, and only list items, have a depth.", path: ["depth"] });

/** Where a claim's mark lies in the edited text. */
const claimSpanSchema = z
  .object({
    /** The claim, one of the briefing's live claims. */
    id: z.uuid({ error: "Not a valid claim id." }),
    /** UTF-16 offsets into `text`, end exclusive. */
    start: offset,
    end: offset,
  })
  .refine((c) => c.start < c.end, { message: "A claim must cover at least one character.", path: ["end"] });

/** An edited briefing, as the briefing editor reads it back from its document. */
export const briefingEditSchema = z
  .object({
    /** The version the edit started from; a newer one means someone else saved first. */
    baseVersionId: z.uuid({ error: "Not a valid version id." }),
    /** Canonical text: blocks separated by a blank line, as every imported document. */
    text: z.string().max(MAX_BRIEFING_CHARS, { error: "The briefing is too long." }),
    /** The blocks, in order, as offsets into `text`. */
    blocks: z.array(blockSchema).max(100_000),
    /** Each surviving claim once, where its mark now lies. */
    claims: z.array(claimSpanSchema).max(100_000),
  })
  .refine((e) => e.text.trim() !== "", { message: "The briefing has no text left.", path: ["text"] })
  .refine((e) => e.blocks.every((b) => b.end <= e.text.length) && e.claims.every((c) => c.end <= e.text.length), {
    message: "An offset runs past the end of the text.",
    path: ["text"],
  })
  .refine((e) => new Set(e.claims.map((c) => c.id)).size === e.claims.length, { message: "A claim is listed twice.", path: ["claims"] });

/** A validated briefing edit. */
export type BriefingEdit = z.output<typeof briefingEditSchema>;
