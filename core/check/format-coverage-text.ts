// Writes a coverage report as plain text for a terminal or a CI log.
import type { CheckedClaim, CoverageReport } from "./check-briefing.ts";
import { VERDICT_WORDS } from "./verdict-words.ts";

/** Longest passage quoted per claim, in characters. */
const MAX_QUOTE = 240;

/** The summary first, then each claim with its verdict, passage, quote checks and mismatches. */
export function formatCoverageText(report: CoverageReport): string {
  const { counts } = report;
  const lines = [
    `Briefing: ${report.briefing} (${counts.total} claim${counts.total === 1 ? "" : "s"})`,
    `Sources: ${report.sources.map((s) => `${s.name} (${s.characters} characters)`).join(", ")}`,
    "",
    summary(report),
    "",
  ];
  let section: string | null = null;
  for (const claim of report.claims) {
    if (claim.section !== section && claim.section) lines.push(`${claim.section}`);
    section = claim.section;
    lines.push(...claimLines(claim), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** "Backed 12 of 20 claims (60%): 9 backed, 3 partly backed, 8 not found in the sources." */
export function summary(report: CoverageReport): string {
  const { counts, quotes } = report;
  const parts = [
    `Backed ${counts.supported + counts.partial} of ${counts.total} claims (${report.backedPercent}%): ${counts.supported} backed, ${counts.partial} partly backed, ${counts.unsupported} not found in the sources.`,
  ];
  const quoted = quotes.verbatim + quotes.near + quotes.missing;
  if (quoted > 0) parts.push(`Quotes: ${quotes.verbatim} verbatim, ${quotes.near} near, ${quotes.missing} missing.`);
  if (report.claimsWithMismatches > 0) parts.push(`${report.claimsWithMismatches} claim(s) disagree with their passage on a number, date, name or negation.`);
  return parts.join("\n");
}

function claimLines(claim: CheckedClaim): string[] {
  const lines = [`  ${claim.number}. [${VERDICT_WORDS[claim.verdict]}, support ${claim.support.toFixed(2)}] ${oneLine(claim.text)}`];
  if (claim.evidence) {
    lines.push(`     ↳ ${claim.evidence.source} ${claim.evidence.start}–${claim.evidence.end}: “${shorten(oneLine(claim.evidence.quote))}”`);
  }
  for (const quote of claim.quotes) {
    const where = quote.source ? ` in ${quote.source} ${quote.start}–${quote.end}` : "";
    const differs = quote.differences.map((d) => `${d.kind}: “${d.claim}” vs “${d.source}”`).join("; ");
    lines.push(`     quote “${shorten(oneLine(quote.text))}”: ${quote.status}${where}${differs ? ` (${differs})` : ""}`);
  }
  for (const m of claim.mismatches) lines.push(`     ≠ ${m.kind}: the claim says “${m.claim}”, the source says “${m.source}”`);
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function shorten(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…` : text;
}
