// Writes a coverage report as Markdown, e.g. for a pull-request comment.
import { escapeMarkdown } from "../export/to-markdown.ts";
import type { CoverageReport } from "./check-briefing.ts";
import { summary } from "./format-coverage-text.ts";
import { VERDICT_WORDS } from "./verdict-words.ts";

/** A heading and the summary, then a table of the claims and a list of the problems found. */
export function formatCoverageMarkdown(report: CoverageReport): string {
  const cell = (text: string) => escapeMarkdown(text.replace(/\s+/g, " ").trim());
  const lines = [
    `## Coverage of ${cell(report.briefing)}`,
    "",
    ...summary(report).split("\n").map((l) => `${escapeMarkdown(l)}  `),
    "",
    `Sources: ${report.sources.map((s) => `\`${s.name.replace(/`/g, "'")}\``).join(", ")}`,
    "",
    "| # | Claim | Verdict | Support | Passage |",
    "| ---: | --- | --- | ---: | --- |",
    ...report.claims.map((c) => {
      const passage = c.evidence ? `${cell(c.evidence.source)} ${c.evidence.start}–${c.evidence.end}: “${cell(c.evidence.quote)}”` : "—";
      return `| ${c.number} | ${cell(c.text)} | ${VERDICT_WORDS[c.verdict]} | ${c.support.toFixed(2)} | ${passage} |`;
    }),
  ];
  const problems = report.claims.flatMap((c) => [
    ...c.quotes.filter((q) => q.status !== "verbatim").map((q) => `- Claim ${c.number}: quote “${cell(q.text)}” is ${q.status === "near" ? "near, not verbatim" : "not in the sources"}.`),
    ...c.mismatches.map((m) => `- Claim ${c.number}: ${m.kind} — the claim says “${cell(m.claim)}”, the source says “${cell(m.source)}”.`),
  ]);
  if (problems.length > 0) lines.push("", "### Quote and number checks", "", ...problems);
  return `${lines.join("\n")}\n`;
}
