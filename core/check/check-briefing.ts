// Checks a briefing against its sources without a database: claims, their best passage, quote and number checks, coverage.
import { alignClaims } from "../alignment/align-claims.ts";
import type { Mismatch, QuoteCheck, Verdict } from "../alignment/types.ts";
import { extractClaims } from "../claims/extract-claims.ts";
import type { ClaimKind } from "../claims/extracted-claim.ts";
import type { TextDocument } from "../text/types.ts";

/** A named text: a file's path and what it was imported as. */
export interface NamedDocument {
  name: string;
  document: TextDocument;
}

/** The passage of a source a claim rests on. */
export interface Evidence {
  source: string;
  /** Offsets into the source's canonical text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  quote: string;
  score: number;
}

/** One quoted passage of a claim, and where (if anywhere) a source has it. */
export interface CheckedQuote {
  text: string;
  status: QuoteCheck["status"];
  source: string | null;
  start: number | null;
  end: number | null;
  differences: NonNullable<QuoteCheck["differences"]>;
}

/** One claim of the briefing as checked. */
export interface CheckedClaim {
  /** 1-based position in the briefing. */
  number: number;
  section: string | null;
  text: string;
  kind: ClaimKind;
  /** The engine's 0..1 estimate that the sources back the claim at least in part. */
  support: number;
  verdict: Verdict;
  /** The best passage, for claims the sources back (fully or in part). */
  evidence: Evidence | null;
  quotes: CheckedQuote[];
  /** Numbers, dates, names or negations the claim and its passage disagree on. */
  mismatches: Mismatch[];
}

/** The coverage report of a briefing. */
export interface CoverageReport {
  briefing: string;
  sources: { name: string; characters: number }[];
  claims: CheckedClaim[];
  counts: { total: number; supported: number; partial: number; unsupported: number };
  /** Percentage of claims backed fully or in part, rounded to one decimal. */
  backedPercent: number;
  quotes: { verbatim: number; near: number; missing: number };
  /** Claims whose passage disagrees with them on a number, date, name or negation. */
  claimsWithMismatches: number;
}

/**
 * Extracts the briefing's claims (`extractClaims`), aligns them with the sources
 * (`alignClaims`), and reports each claim's verdict, its best passage when the sources back it
 * fully or in part, its quote checks and mismatches, and the counts. A briefing with no claims
 * gives a report with none (and 0% backed).
 *
 * @throws {RangeError} when two sources have the same name.
 */
export function checkBriefing(input: { briefing: NamedDocument; sources: NamedDocument[] }): CoverageReport {
  const claims = extractClaims(input.briefing.document);
  const sources = input.sources.map((s) => ({ id: s.name, text: s.document.text }));
  const alignments = alignClaims({ sources, claims: claims.map((c) => ({ id: String(c.order), text: c.text })) });
  const textOf = new Map(sources.map((s) => [s.id, s.text]));
  const checked: CheckedClaim[] = claims.map((claim, i) => {
    const alignment = alignments[i];
    const best = alignment.candidates[0];
    const backed = alignment.verdict !== "unsupported" && best !== undefined;
    return {
      number: i + 1,
      section: claim.section,
      text: claim.text,
      kind: claim.kind,
      support: alignment.support,
      verdict: alignment.verdict,
      evidence: backed ? { source: best.sourceId, start: best.start, end: best.end, quote: textOf.get(best.sourceId)!.slice(best.start, best.end), score: best.score } : null,
      quotes: alignment.quotes.map((q) => ({
        text: q.text,
        status: q.status,
        source: q.sourceId ?? null,
        start: q.start ?? null,
        end: q.end ?? null,
        differences: q.differences ?? [],
      })),
      mismatches: backed ? alignment.mismatches : [],
    };
  });
  const count = (verdict: Verdict) => checked.filter((c) => c.verdict === verdict).length;
  const counts = { total: checked.length, supported: count("supported"), partial: count("partial"), unsupported: count("unsupported") };
  const quotes = checked.flatMap((c) => c.quotes);
  return {
    briefing: input.briefing.name,
    sources: input.sources.map((s) => ({ name: s.name, characters: s.document.text.length })),
    claims: checked,
    counts,
    backedPercent: counts.total === 0 ? 0 : Math.round(((counts.supported + counts.partial) / counts.total) * 1000) / 10,
    quotes: {
      verbatim: quotes.filter((q) => q.status === "verbatim").length,
      near: quotes.filter((q) => q.status === "near").length,
      missing: quotes.filter((q) => q.status === "missing").length,
    },
    claimsWithMismatches: checked.filter((c) => c.mismatches.length > 0).length,
  };
}
