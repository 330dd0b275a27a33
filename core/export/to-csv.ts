// Writes a dossier's claims as CSV, one row per claim, safe to open in a spreadsheet.
import { stringify } from "csv-stringify/sync";
import { claimEvidence } from "./claim-evidence.ts";
import type { DossierExport } from "./dossier-export.ts";
import { linkPage } from "./link-page.ts";
import { CLAIM_STATE_WORDS, linkWords, REVIEW_STATE_WORDS } from "./state-words.ts";

/** The columns, in order, with their header labels. */
export const CSV_COLUMNS = [
  { key: "section", header: "Section" },
  { key: "claim", header: "Claim" },
  { key: "verdict", header: "Verdict" },
  { key: "evidence", header: "Evidence" },
  { key: "reviewState", header: "Review state" },
  { key: "source", header: "Source" },
  { key: "page", header: "Page" },
  { key: "quote", header: "Quote" },
  { key: "start", header: "Start" },
  { key: "end", header: "End" },
  { key: "score", header: "Score" },
  { key: "reviewer", header: "Reviewer" },
  { key: "time", header: "Time" },
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number]["key"], string | number | null>;

/**
 * One row per live claim, in briefing order: its section, text, state ("Backed", "Not found in
 * the attached sources"…), what the evidence is (an accepted link's verdict, or the best
 * suggestion), the review state, and the evidence's source, page (for a PDF), quote, offsets and
 * score; then who
 * last reviewed the claim and when. A claim with several accepted links shows the first; the
 * others are counted in the Evidence column. Text cells that a spreadsheet would read as a
 * formula are neutralised (see `neutraliseFormula`); the file starts with a UTF-8 byte order
 * mark so spreadsheets read it as UTF-8, and ends lines with CRLF (RFC 4180).
 */
export function toCsv(dossier: DossierExport): string {
  const documents = new Map(dossier.documents.map((d) => [d.id, d]));
  const rows: Row[] = dossier.claims.map((claim) => {
    const evidence = claimEvidence(claim.id, dossier.links);
    const link = evidence.links[0];
    const more = evidence.links.length > 1 ? ` (+${evidence.links.length - 1} more)` : "";
    return {
      section: claim.section ?? "",
      claim: claim.text,
      verdict: CLAIM_STATE_WORDS[claim.state],
      evidence: link ? `${linkWords(link)}${more}` : "",
      reviewState: REVIEW_STATE_WORDS[claim.reviewState] ?? claim.reviewState,
      source: link ? (documents.get(link.documentId)?.title ?? "") : "",
      page: link ? linkPage(link, documents) : null,
      quote: link?.exact ?? "",
      start: link?.start ?? null,
      end: link?.end ?? null,
      score: link?.score ?? null,
      reviewer: claim.reviewer ?? "",
      time: claim.reviewedAt ?? "",
    };
  });
  return stringify(rows, {
    bom: true,
    header: true,
    record_delimiter: "windows",
    columns: CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    cast: { string: (value) => neutraliseFormula(value) },
  });
}

/**
 * A cell a spreadsheet would evaluate — text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return — gets a leading apostrophe, so it shows as text (OWASP's CSV injection advice).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
