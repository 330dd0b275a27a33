// The values the attribution engine takes and returns: tasks of sources and claims, and per claim its candidates, quote checks and mismatches.
import type { Span } from "../text/types.ts";

/** A text that claims may draw on (an article, a post), with an id unique within its task. */
export interface AlignSource {
  id: string;
  text: string;
}

/** A claim of a briefing to attribute, with an id unique within its task. */
export interface AlignClaim {
  id: string;
  text: string;
}

/** One unit of work: sources indexed once, and the claims to attribute against them. */
export interface AlignTask {
  sources: AlignSource[];
  claims: AlignClaim[];
}

/** The kinds of disagreement between a claim and a span about the same thing. */
export type MismatchKind = "number" | "date" | "name" | "negation";

/** A claim and a span agree on the topic but disagree on one value; both values are given. */
export interface Mismatch {
  kind: MismatchKind;
  /** The value as the claim states it ("140 analysts", "did not rule out", "2016"). */
  claim: string;
  /** The value as the span states it ("150 analysts", "ruled out", "2015"). */
  source: string;
}

/** A span of one source (a sentence or a run of adjacent sentences) proposed as backing a claim. */
export interface Candidate extends Span {
  sourceId: string;
  /** 0..1, higher is better; comparable across the candidates of one claim. */
  score: number;
  /** How many sentences the span covers (1 for a sentence, 2 or 3 for a run). */
  sentences: number;
  /** Disagreements found between the claim and this span, if any. */
  mismatches?: Mismatch[];
}

/** How a quoted passage of a claim was found in the sources. */
export type QuoteStatus = "verbatim" | "near" | "missing";

/** The ways a near quote may differ from the source text. */
export type QuoteDifferenceKind = "case" | "punctuation" | "quotes" | "whitespace";

/** One place where a near quote differs from the source, with both texts. */
export interface QuoteDifference {
  kind: QuoteDifferenceKind;
  /** The text as the claim quotes it. */
  claim: string;
  /** The text as the source has it. */
  source: string;
}

/** The check of one quoted passage of a claim against the sources. */
export interface QuoteCheck {
  /** The quoted passage, without its quote marks. */
  text: string;
  /** Offsets of the passage in the claim text. */
  claimStart: number;
  claimEnd: number;
  status: QuoteStatus;
  sourceId?: string;
  /** Offsets of the matched text in the source (for verbatim and near). */
  start?: number;
  end?: number;
  /** What differs, for near quotes. */
  differences?: QuoteDifference[];
}

/** The suggested verdict for a claim given its support. */
export type Verdict = "supported" | "partial" | "unsupported";

/** The engine's answer for one claim. */
export interface ClaimAlignment {
  id: string;
  /** 0..1: calibrated estimate that the attached sources back the claim at least in part. */
  support: number;
  verdict: Verdict;
  /** Best first. */
  candidates: Candidate[];
  quotes: QuoteCheck[];
  /** Disagreements with the best candidate. */
  mismatches: Mismatch[];
}
