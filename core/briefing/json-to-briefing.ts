// Reads an edited briefing back from its Tiptap document: canonical text, blocks, and where each claim's mark now lies.
import { buildTextDocument } from "../import/build-text-document.ts";
import type { DraftBlock, DraftLink } from "../import/draft-block.ts";
import type { TextDocument } from "../text/types.ts";
import { CLAIM_MARK, type BriefingJsonNode } from "./briefing-json.ts";
import type { ClaimSpan } from "./claim-span.ts";

/** An edited briefing: its canonical text and blocks, and the claims whose marks are still in it. */
export interface EditedBriefing {
  document: TextDocument;
  /** One span per claim id still marked, sorted by start; see {@link jsonToBriefing}. */
  claims: ClaimSpan[];
}

type Container = "top" | "list" | "quote";

/**
 * The briefing a Tiptap document stands for.
 *
 * Blocks: headings keep their level; a paragraph is a paragraph, a list item (its depth is the
 * number of lists around it, less one) or a block quote, after the innermost list or quote holding
 * it; code blocks are code; hard breaks are line breaks. The text is made canonical as any
 * imported document is (`buildTextDocument`: spaces folded, blocks trimmed, empty blocks dropped,
 * NFC), and each claim's marked runs follow their text through that.
 *
 * Claims: a claim's span runs from the first to the last character carrying its mark, so text
 * typed inside a claim, or a word of it retyped, stays in it; marked whitespace at either end is
 * left out. A claim whose marked text was all deleted is absent. When a claim's mark shows up in
 * places with another claim's text between them (a copy pasted elsewhere), the claim keeps its
 * first place only; the later ones are unmarked text.
 *
 * @throws RangeError for a node or mark the briefing editor cannot make (an image, a mention…).
 */
export function jsonToBriefing(json: BriefingJsonNode): EditedBriefing {
  if (json.type !== "doc") throw new RangeError(`jsonToBriefing: expected a doc node, got ${JSON.stringify(json.type)}`);
  const drafts: DraftBlock[] = [];
  readBlocks(json.content ?? [], "top", -1, drafts);
  const built = buildTextDocument(drafts, "html");
  const runs = built.links.map((link) => ({ id: link.href, start: link.start, end: link.end }));
  return { document: { ...built, links: [] }, claims: firstPlaces(runs) };
}

function readBlocks(nodes: readonly BriefingJsonNode[], container: Container, depth: number, drafts: DraftBlock[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case "heading": {
        const level = Number(node.attrs?.level ?? 1);
        drafts.push({ kind: "heading", level: Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1, ...readInline(node) });
        break;
      }
      case "paragraph":
        if (container === "list") drafts.push({ kind: "listItem", depth, ...readInline(node) });
        else if (container === "quote") drafts.push({ kind: "blockquote", ...readInline(node) });
        else drafts.push({ kind: "paragraph", ...readInline(node) });
        break;
      case "codeBlock":
        drafts.push({ kind: "code", ...readInline(node) });
        break;
      case "bulletList":
      case "orderedList":
        readBlocks(node.content ?? [], "list", depth + 1, drafts);
        break;
      case "listItem":
        readBlocks(node.content ?? [], container, depth, drafts);
        break;
      case "blockquote":
        readBlocks(node.content ?? [], "quote", depth, drafts);
        break;
      default:
        throw new RangeError(`jsonToBriefing: a briefing holds no ${JSON.stringify(node.type)} node`);
    }
  }
}

/** The text of a textblock and the runs of each claim mark in it (as draft links whose href is the claim id). */
function readInline(node: BriefingJsonNode): { text: string; links: DraftLink[] } {
  let text = "";
  const open = new Map<string, DraftLink>();
  const links: DraftLink[] = [];
  for (const child of node.content ?? []) {
    let piece: string;
    if (child.type === "text") piece = child.text ?? "";
    else if (child.type === "hardBreak") piece = "\n";
    else throw new RangeError(`jsonToBriefing: a briefing holds no ${JSON.stringify(child.type)} node`);
    const ids = new Set<string>();
    for (const mark of child.marks ?? []) {
      if (mark.type !== CLAIM_MARK) throw new RangeError(`jsonToBriefing: a briefing holds no ${JSON.stringify(mark.type)} mark`);
      const id = mark.attrs?.id;
      if (typeof id !== "string" || id === "") throw new RangeError("jsonToBriefing: a claim mark has no id");
      ids.add(id);
    }
    const start = text.length;
    text += piece;
    for (const [id, link] of open) {
      if (!ids.has(id)) open.delete(id);
      else link.end = text.length;
    }
    for (const id of ids) {
      if (open.has(id)) continue;
      // The builder maps link spans through its canonical-text rules; claims ride on that.
      const link = { start, end: text.length, href: id };
      open.set(id, link);
      links.push(link);
    }
  }
  return { text, links: links.filter((l) => l.start < l.end) };
}

/**
 * One span per claim id from its marked runs (in any order): runs of an id are joined up to the
 * first gap that holds another claim's run; what follows such a gap is dropped.
 */
function firstPlaces(runs: readonly ClaimSpan[]): ClaimSpan[] {
  const sorted = [...runs].sort((a, b) => a.start - b.start || a.end - b.end);
  const byId = new Map<string, ClaimSpan[]>();
  for (const run of sorted) byId.set(run.id, [...(byId.get(run.id) ?? []), run]);
  const spans: ClaimSpan[] = [];
  for (const [id, own] of byId) {
    const span = { ...own[0] };
    for (const run of own.slice(1)) {
      const interrupted = sorted.some((other) => other.id !== id && other.start < run.start && other.end > span.end);
      if (interrupted) break;
      span.end = Math.max(span.end, run.end);
    }
    spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
