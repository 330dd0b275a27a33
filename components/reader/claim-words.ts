// The words and cues the reader uses for claim states and link verdicts: say what the app knows, no more.
import type { ClaimState } from "@/core/review/claim-state.ts";
import type { ClaimView, LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";

/** Coverage bar labels and the marker drawn beside each state (a second cue besides colour). */
export const STATE_LABEL: Record<ClaimState, { label: string; marker: string }> = {
  backed: { label: "Backed", marker: "✓" },
  partial: { label: "Partly backed", marker: "◐" },
  contradicted: { label: "Contradicted", marker: "✗" },
  suggested: { label: "Suggested", marker: "?" },
  unbacked: { label: "Not in sources", marker: "∅" },
  unreviewed: { label: "Unreviewed", marker: "·" },
};

/** What a link's verdict is called on buttons and cards. */
export const VERDICT_LABEL = { supports: "Supports", partial: "Partly supports", contradicts: "Contradicts" } as const;

/** The kind a link's highlight is drawn as: its verdict once accepted, else a tentative suggestion. */
export function linkKind(link: Pick<LinkView, "state" | "verdict">): "supports" | "partial" | "contradicts" | "suggested" {
  return link.state === "accepted" ? (link.verdict ?? "supports") : "suggested";
}

/** Which kind wins where highlights overlap (lower first). */
export function kindRank(kind: string): number {
  const order = ["contradicts", "partial", "supports", "suggested"];
  const i = order.indexOf(kind);
  return i === -1 ? order.length : i;
}

/** "Suggested (72%)" for a score of 0.72. */
export function suggestedWords(score: number | null): string {
  return score == null ? "Suggested" : `Suggested (${Math.round(score * 100)}%)`;
}

/** A claim's state in a sentence, given its links ("Backed by 2 passages", "Partly backed"…). */
export function describeClaim(claim: ClaimView, links: readonly LinkView[]): string {
  const accepted = links.filter((l) => l.state === "accepted" && l.anchorStatus !== "orphaned");
  switch (claim.state) {
    case "backed": {
      const n = accepted.filter((l) => l.verdict === "supports").length;
      return `Backed by ${n} passage${n === 1 ? "" : "s"}`;
    }
    case "partial":
      return "Partly backed";
    case "contradicted":
      return "Contradicted";
    case "suggested": {
      const best = Math.max(...links.filter((l) => l.state === "suggested").map((l) => l.score ?? 0));
      return suggestedWords(Number.isFinite(best) ? best : null);
    }
    case "unbacked":
      return claim.reviewState === "not_in_sources" ? "Marked as not in the attached sources" : "Not found in the attached sources — attach one?";
    default:
      return "Not reviewed yet";
  }
}

/** Whether nobody has decided anything about a claim yet (for "next unreviewed"). */
export function needsReview(claim: ClaimView, links: readonly LinkView[]): boolean {
  if (links.some((l) => l.state === "accepted")) return false;
  return claim.reviewState === "unreviewed" || claim.reviewState === "in_review";
}
