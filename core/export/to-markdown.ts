// Writes a dossier's briefing as Markdown, each claim footnoted with the source passage it rests on.
import type { Block } from "../text/types.ts";
import { claimEvidence } from "./claim-evidence.ts";
import type { DossierExport, ExportClaim, ExportDocument, ExportLink } from "./dossier-export.ts";
import { linkPage } from "./link-page.ts";
import { CLAIM_STATE_WORDS, linkWords, REVIEW_STATE_WORDS } from "./state-words.ts";

/** Longest quote a footnote repeats, in characters; longer ones are cut with "…". */
export const MAX_FOOTNOTE_QUOTE = 600;

/**
 * The briefing(s) of the dossier as Markdown: headings, paragraphs and list items as in the
 * briefing, each claim followed by a footnote that gives its state and quotes the source span of
 * each accepted link (or of the best suggestion, marked as such). A claim nothing backs is
 * marked in the text, and its footnote says so. The briefing's own text is escaped, so nothing
 * in it becomes Markdown or HTML.
 */
export function toMarkdown(dossier: DossierExport): string {
  const documents = new Map(dossier.documents.map((d) => [d.id, d]));
  const out: string[] = [`# ${escapeMarkdown(dossier.title)}`, ""];
  const footnotes: string[] = [];
  for (const briefing of dossier.documents.filter((d) => d.kind === "briefing")) {
    const claims = dossier.claims.filter((c) => c.documentId === briefing.id).sort((a, b) => a.start - b.start);
    out.push(`*Briefing: ${escapeMarkdown(briefing.title)}*`, "");
    for (const block of blocksOf(briefing)) {
      const inBlock = claims.filter((c) => c.start >= block.start && c.end <= block.end);
      let line = "";
      let at = block.start;
      for (const claim of inBlock) {
        const n = footnotes.length + 1;
        const evidence = claimEvidence(claim.id, dossier.links);
        line += escapeMarkdown(flat(briefing.text.slice(at, claim.end)));
        if (evidence.kind === "none") line += " *(no support found)*";
        line += `[^${n}]`;
        footnotes.push(footnote(n, claim, evidence, documents));
        at = claim.end;
      }
      line += escapeMarkdown(flat(briefing.text.slice(at, block.end)));
      out.push(prefixOf(block) + line, "");
    }
  }
  if (footnotes.length > 0) out.push(...footnotes);
  return `${out.join("\n").trimEnd()}\n`;
}

function footnote(n: number, claim: ExportClaim, evidence: ReturnType<typeof claimEvidence<ExportLink>>, documents: Map<string, ExportDocument>): string {
  const review = claim.reviewState !== "unreviewed" ? ` Review: ${REVIEW_STATE_WORDS[claim.reviewState] ?? claim.reviewState}.` : "";
  if (evidence.kind === "none") return `[^${n}]: **${CLAIM_STATE_WORDS.unbacked}.**${review}`;
  const lines = evidence.links.map((link) => {
    const source = documents.get(link.documentId)?.title ?? "a source";
    const page = linkPage(link, documents);
    return `${linkWords(link)}: “${escapeMarkdown(shorten(flat(link.exact)))}” — *${escapeMarkdown(source)}*,${page === null ? "" : ` p. ${page},`} characters ${link.start}–${link.end}.`;
  });
  const state = evidence.kind === "suggested" ? `Not reviewed; best suggestion` : CLAIM_STATE_WORDS[claim.state];
  return [`[^${n}]: **${state}.**${review} ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`)].join("\n\n");
}

/** The blocks to write; a document without blocks is one paragraph per blank-line-separated run. */
function blocksOf(document: ExportDocument): Block[] {
  if (document.blocks.length > 0) return document.blocks;
  const blocks: Block[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = re.exec(document.text); m; m = re.exec(document.text)) blocks.push({ kind: "paragraph", start: m.index, end: m.index + m[0].length });
  return blocks;
}

function prefixOf(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, Math.max(2, (block.level ?? 2) + 1)))} `;
    case "listItem":
      return `${"  ".repeat(block.depth ?? 0)}- `;
    case "blockquote":
      return "> ";
    default:
      return "";
  }
}

/** Runs of whitespace (line breaks included) as one space, so a block stays one Markdown line. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

function shorten(text: string): string {
  return text.length > MAX_FOOTNOTE_QUOTE ? `${text.slice(0, MAX_FOOTNOTE_QUOTE - 1).trimEnd()}…` : text;
}

/**
 * Escapes text so Markdown shows it as written: every character that can start inline markup or
 * HTML is backslash-escaped, and so are the characters that would make a line a heading, list,
 * quote or rule.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])/, (_, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}
