// Recomputes the attribution engine's suggested links for every live claim of a dossier.
import { alignClaimBatch } from "@/core/alignment/align-claims.ts";
import { prepareSources, type PreparedSources } from "@/core/alignment/prepare-sources.ts";
import type { ClaimAlignment } from "@/core/alignment/types.ts";
import { describe } from "@/core/anchoring/describe.ts";
import type { Db, Tx } from "../db.ts";
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

/** What suggestions are computed from: the live claims in briefing order and the latest version of each source. */
export interface SuggestionInputs {
  claims: { id: string; text: string }[];
  versions: { id: string; text: string }[];
}

/**
 * Replaces the suggested (undecided) links of every live claim of the dossier with fresh
 * suggestions over the latest version of each source, and stores each claim's support and
 * suggested verdict. Accepted and rejected links are never touched, and a suggestion that
 * repeats a decided link's span is not made again. Runs inside the caller's transaction.
 */
export async function refreshSuggestions(tx: Tx, dossierId: string): Promise<RefreshResult> {
  const inputs = await readSuggestionInputs(tx, dossierId);
  // Retired claims lose their suggestions too.
  await tx.link.deleteMany({ where: { claim: { dossierId }, state: "suggested" } });
  return storeSuggestions(tx, inputs.versions, alignSuggestions(inputs.claims, prepareSuggestionSources(inputs.versions)));
}

/** The claims and source versions a refresh of the dossier works on. */
export async function readSuggestionInputs(db: Db | Tx, dossierId: string): Promise<SuggestionInputs> {
  const [claims, sources] = await Promise.all([
    db.claim.findMany({
      where: { dossierId, retiredAt: null, document: { kind: "briefing" } },
      orderBy: [{ order: "asc" }, { id: "asc" }],
      select: { id: true, text: true },
    }),
    db.document.findMany({
      where: { dossierId, kind: "source" },
      orderBy: { position: "asc" },
      select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
    }),
  ]);
  return { claims, versions: sources.flatMap((s) => s.versions) };
}

/** The source versions indexed once, for aligning claims against them a batch at a time. */
export function prepareSuggestionSources(versions: SuggestionInputs["versions"]): PreparedSources {
  return prepareSources(versions.map((v) => ({ id: v.id, text: v.text })));
}

/** The engine's alignment of `claims` with the prepared sources: pure computation, no database. */
export function alignSuggestions(claims: SuggestionInputs["claims"], prepared: PreparedSources): ClaimAlignment[] {
  if (claims.length === 0) return [];
  return alignClaimBatch(prepared, claims.map((c) => ({ id: c.id, text: c.text })));
}

/**
 * Stores the alignments of some claims: replaces their suggested links (only theirs) and their
 * support and suggested verdict. Running it twice with the same alignments leaves the same rows.
 * The claims' decided links are read here, in the caller's transaction, so that a span decided
 * since the alignment was computed is not suggested again.
 */
export async function storeSuggestions(tx: Tx, versions: SuggestionInputs["versions"], alignments: ClaimAlignment[]): Promise<RefreshResult> {
  const ids = alignments.map((a) => a.id);
  const textOf = new Map(versions.map((v) => [v.id, v.text]));
  await tx.link.deleteMany({ where: { claimId: { in: ids }, state: "suggested" } });
  const decidedLinks = await tx.link.findMany({ where: { claimId: { in: ids } }, select: { claimId: true, versionId: true, start: true, end: true } });
  const decided = new Map<string, typeof decidedLinks>();
  for (const link of decidedLinks) decided.set(link.claimId, [...(decided.get(link.claimId) ?? []), link]);
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
  return { claims: alignments.length, suggested, unsupported };
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
