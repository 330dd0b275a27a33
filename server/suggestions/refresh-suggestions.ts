// Recomputes the attribution engine's suggested links for every live claim of a dossier.
import { alignClaims } from "@/core/alignment/align-claims.ts";
import type { ClaimAlignment } from "@/core/alignment/types.ts";
import { describe } from "@/core/anchoring/describe.ts";
import type { Tx } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/** How many suggested links a claim keeps at most. */
export const MAX_SUGGESTIONS_PER_CLAIM = 3;
// A candidate far below the best one is noise beside it, not a second suggestion.
const RELATIVE_SCORE_FLOOR = 0.6;

/** What a refresh changed. */
export interface RefreshResult {
  claims: number;
  suggested: number;
  unsupported: number;
}

/**
 * Replaces the suggested (undecided) links of every live claim of the dossier with fresh
 * suggestions over the latest version of each source, and stores each claim's support and
 * suggested verdict. Accepted and rejected links are never touched, and a suggestion that
 * repeats a decided link's span is not made again. Runs inside the caller's transaction.
 */
export async function refreshSuggestions(tx: Tx, dossierId: string): Promise<RefreshResult> {
  const [claims, sources] = await Promise.all([
    tx.claim.findMany({
      where: { dossierId, retiredAt: null, document: { kind: "briefing" } },
      orderBy: { order: "asc" },
      select: { id: true, text: true, links: { where: { state: { not: "suggested" } }, select: { versionId: true, start: true, end: true } } },
    }),
    tx.document.findMany({
      where: { dossierId, kind: "source" },
      orderBy: { position: "asc" },
      select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
    }),
  ]);
  const versions = sources.flatMap((s) => s.versions);
  const alignments = alignClaims({
    sources: versions.map((v) => ({ id: v.id, text: v.text })),
    claims: claims.map((c) => ({ id: c.id, text: c.text })),
  });
  const textOf = new Map(versions.map((v) => [v.id, v.text]));
  const decided = new Map(claims.map((c) => [c.id, c.links]));

  await tx.link.deleteMany({ where: { claim: { dossierId }, state: "suggested" } });
  let suggested = 0;
  let unsupported = 0;
  for (const alignment of alignments) {
    if (alignment.verdict === "unsupported") unsupported++;
    await tx.claim.update({
      where: { id: alignment.id },
      data: { support: alignment.support, suggestedVerdict: alignment.verdict },
    });
    const picks = pickSuggestions(alignment, decided.get(alignment.id) ?? []);
    if (picks.length === 0) continue;
    await tx.link.createMany({
      data: picks.map((candidate, rank) => {
        const text = textOf.get(candidate.sourceId)!;
        const [quote, position] = describe(text, candidate.start, candidate.end);
        return {
          claimId: alignment.id,
          versionId: candidate.sourceId,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: position.start,
          end: position.end,
          origin: "suggested" as const,
          state: "suggested" as const,
          score: candidate.score,
          rank,
          checks: {
            quotes: alignment.quotes.filter((q) => !q.sourceId || q.sourceId === candidate.sourceId),
            mismatches: candidate.mismatches ?? [],
          } as unknown as Prisma.InputJsonObject,
        };
      }),
    });
    suggested += picks.length;
  }
  return { claims: claims.length, suggested, unsupported };
}

/** The candidates worth showing as suggestions: none for an unsupported claim, never a decided span. */
function pickSuggestions(
  alignment: ClaimAlignment,
  decided: { versionId: string; start: number; end: number }[],
): ClaimAlignment["candidates"] {
  if (alignment.verdict === "unsupported" || alignment.candidates.length === 0) return [];
  const floor = alignment.candidates[0].score * RELATIVE_SCORE_FLOOR;
  return alignment.candidates
    .filter((c) => c.score >= floor)
    .filter((c) => !decided.some((d) => d.versionId === c.sourceId && d.start < c.end && c.start < d.end))
    .slice(0, MAX_SUGGESTIONS_PER_CLAIM);
}
