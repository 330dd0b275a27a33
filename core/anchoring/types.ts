// The anchoring vocabulary: W3C Web Annotation selectors, candidate matches and anchor results.

/**
 * A quotation of the anchored text with some text either side of it, as in the W3C Web
 * Annotation model. It survives edits elsewhere in the document because it carries its own words.
 */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  /** The anchored text itself. */
  exact: string;
  /** Up to `CONTEXT_LENGTH` characters just before `exact` ("" at the start of the text). */
  prefix: string;
  /** Up to `CONTEXT_LENGTH` characters just after `exact` ("" at the end of the text). */
  suffix: string;
}

/** Where the anchored text was: a half-open range `[start, end)` in UTF-16 code units. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** Any selector an anchor is stored with; plain data, safe to serialise as JSON. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** A place in a text where a quote was found, with a 0–1 score of how well it fits. */
export interface Match {
  start: number;
  end: number;
  score: number;
}

/** A match with the evidence behind its score, as used to decide between candidates. */
export interface ScoredMatch extends Match {
  /** Edit distance between the quote and `text.slice(start, end)`. */
  errors: number;
  /** `1 - errors / quote.length`: how alike the quote and the found text are. */
  quoteSimilarity: number;
}

/** What is known about a quote's surroundings and former place, used to rank candidates. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start (its former offset, or where an edit map puts it). */
  hint?: number;
}

/**
 * Evidence about a stored prefix (`side` "before") or suffix ("after") for a candidate whose
 * edge on that side is at `boundary`, from something other than the text (an edit map), 0–1.
 */
export type ContextEvidence = (boundary: number, side: "before" | "after") => number;

/** The same quote was found: the text in `[start, end)` equals the stored `exact`. */
export interface AnchoredResult {
  status: "anchored";
  start: number;
  end: number;
  score: number;
}

/** The quote was found, but its text was edited: old and new text are kept for a diff. */
export interface ChangedResult {
  status: "changed";
  start: number;
  end: number;
  score: number;
  /** The stored quote. */
  oldText: string;
  /** What is at `[start, end)` now. */
  newText: string;
}

/**
 * The quote was not found with confidence. `suggestion` is the best guess, if there was one,
 * for a person to confirm; it is never shown as a highlight on its own authority.
 */
export interface OrphanedResult {
  status: "orphaned";
  suggestion?: Match;
}

/** The outcome of anchoring: a status, never an exception. */
export type AnchorResult = AnchoredResult | ChangedResult | OrphanedResult;

/** A half-open range `[start, end)` of a text to search in. */
export interface SearchRegion {
  start: number;
  end: number;
}

/** A place where a search found the quote, before scoring: its range and its edit distance. */
export interface QuoteCandidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * One stretch of an old→new edit: either text kept as is (`equal`, same length on both sides)
 * or old text `[oldStart, oldEnd)` replaced by new text `[newStart, newEnd)` (either may be empty).
 */
export interface EditSegment {
  equal: boolean;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** How an old text became a new one: segments covering both texts, in order. */
export interface EditMap {
  segments: EditSegment[];
}
