// The Tiptap JSON a briefing is edited as: StarterKit's block nodes, and a `claim` mark per claim.

/** A claim mark: the claim's id over the text it covers. Several may overlap. */
export interface ClaimMarkJson {
  type: "claim";
  attrs: { id: string };
}

/**
 * A node of Tiptap's JSON document model, as `editor.getJSON()` gives it. Loose on purpose: the
 * editor adds attributes of its own (an ordered list's `start`, a code block's `language`).
 */
export interface BriefingJsonNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: BriefingJsonNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** The name of the claim mark, in the JSON and in the editor's schema. */
export const CLAIM_MARK = "claim";
