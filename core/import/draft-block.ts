// A block as an importer finds it, before its text is made canonical and placed in the document.
import type { BlockKind } from "../text/types.ts";

/** A link inside a draft block, with offsets into the draft's own text. */
export interface DraftLink {
  start: number;
  end: number;
  href: string;
}

/** One block read from the input: its kind, its raw text (markup removed) and its links. */
export interface DraftBlock {
  kind: BlockKind;
  /** Heading level 1–6; only for headings. */
  level?: number;
  /** List nesting, 0 for a top-level item; only for list items. */
  depth?: number;
  /** The 1-based page the block is on (PDF). */
  page?: number;
  text: string;
  links?: DraftLink[];
}
