// Decides the claims of an edited briefing: which keep their identity (by their marks), which are new, which are retired.
import { extractClaims, readClaim } from "../claims/extract-claims.ts";
import type { ExtractedClaim } from "../claims/extracted-claim.ts";
import type { TextDocument } from "../text/types.ts";
import type { ClaimSpan } from "./claim-span.ts";

/** The claims of an edited briefing, all in one order. */
export interface ReconciledClaims {
  /** Claims whose marks survived the edit: same id, new place and fields. */
  kept: { id: string; claim: ExtractedClaim }[];
  /** Sentences that no surviving claim covers: new claims. */
  added: ExtractedClaim[];
  /** Live claims whose marks are gone (their text was deleted). */
  retired: string[];
}

/**
 * Reconciles the claims of an edited briefing.
 *
 * 1. Claim extraction runs on the new text (`extractClaims`: one claim per sentence).
 * 2. A marked claim that overlaps exactly one sentence, which overlaps no other claim, grows to
 *    cover that whole sentence: words typed at a claim's end (marks are not inclusive) or a
 *    retyped first word stay part of it. Otherwise the claim keeps its marked span — a claim
 *    split in two by a new full stop keeps both halves, two claims joined into one sentence stay
 *    two claims.
 * 3. A sentence that no claim overlaps is a new claim.
 * 4. A kept claim takes the fields of the sentence it now equals; else it is read as a claim
 *    (kind, quotation) with the section and topic of the first sentence it overlaps, or of the
 *    nearest one before it.
 * 5. Every claim of `liveIds` with no span in `marked` is retired.
 *
 * `order` numbers kept and added claims together by position.
 *
 * @throws RangeError when a span lies outside the text or an id is marked twice.
 */
export function reconcileClaims(doc: TextDocument, marked: readonly ClaimSpan[], liveIds: readonly string[]): ReconciledClaims {
  const seen = new Set<string>();
  for (const span of marked) {
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= doc.text.length)) {
      throw new RangeError(`reconcileClaims: claim ${span.id} [${span.start}, ${span.end}) is not a span of the text (length ${doc.text.length})`);
    }
    if (seen.has(span.id)) throw new RangeError(`reconcileClaims: claim ${span.id} is marked twice`);
    seen.add(span.id);
  }
  const sentences = extractClaims(doc);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const claimsOf = sentences.map((s) => marked.filter((c) => overlaps(c, s)));

  const spans = marked.map((claim) => {
    const own = sentences.flatMap((s, i) => (overlaps(claim, s) ? [i] : []));
    if (own.length !== 1 || claimsOf[own[0]].length !== 1) return { ...claim };
    const sentence = sentences[own[0]];
    return { id: claim.id, start: Math.min(claim.start, sentence.start), end: Math.max(claim.end, sentence.end) };
  });

  const kept = spans.map((span) => ({ id: span.id, claim: describeClaim(doc.text, span, sentences) }));
  const added = sentences.filter((_, i) => claimsOf[i].length === 0);
  const all = [...kept.map((k) => k.claim), ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  all.forEach((claim, order) => (claim.order = order));
  return { kept, added, retired: liveIds.filter((id) => !seen.has(id)) };
}

/** The claim at `span`: the sentence's own fields when it is one, else read afresh. */
function describeClaim(text: string, span: ClaimSpan, sentences: readonly ExtractedClaim[]): ExtractedClaim {
  const same = sentences.find((s) => s.start === span.start && s.end === span.end);
  if (same) return { ...same };
  const context =
    sentences.find((s) => s.start < span.end && span.start < s.end) ?? sentences.findLast((s) => s.end <= span.start) ?? null;
  return { ...readClaim(text, span.start, span.end, null), section: context?.section ?? null, topic: context?.topic ?? null, order: 0 };
}
