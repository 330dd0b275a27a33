// The shape of a claim found in a briefing, with its place in the text.

/** What a claim mainly rests on: a quotation, a figure, or a plain statement. */
export type ClaimKind = "statement" | "quote" | "number";

/** A claim of a briefing: one bullet or sentence, with offsets into the document's text. */
export interface ExtractedClaim {
  /** Start of the claim's own words in `doc.text` (after any topic label). */
  start: number;
  end: number;
  /** The claim's own words, `doc.text.slice(start, end)`. */
  text: string;
  /** The heading of the section holding the claim, without a final colon; `null` before any. */
  section: string | null;
  /** The topic label ("Fentanyl Focus" in "Fentanyl Focus: …") the claim falls under, if any. */
  topic: string | null;
  kind: ClaimKind;
  /** Position of the claim in the document, from 0. */
  order: number;
  /** The quoted words (inside the quotation marks), when the claim holds a quotation. */
  quote?: { text: string; start: number; end: number };
  /** Who the quotation is attributed to, when the claim says so. */
  speaker?: string;
}
