// Reads Markdown (CommonMark with tables, via markdown-it tokens) into a canonical TextDocument.
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import type { TextDocument } from "../text/types.ts";
import { buildTextDocument } from "./build-text-document.ts";
import type { DraftBlock, DraftLink } from "./draft-block.ts";
import { importPlainText } from "./import-plain-text.ts";
import { isAllowedHref } from "./is-allowed-href.ts";

/**
 * Raw HTML stays literal text (it is never rendered), and links are not guessed from bare URLs.
 * No nesting limit: markdown-it's limit silently drops everything past it (text included).
 */
const markdown = new MarkdownIt("default", { html: false, linkify: false, typographer: false, maxNesting: Number.POSITIVE_INFINITY });

/** What separates the cells of a table row in the row's paragraph. */
export const TABLE_CELL_SEPARATOR = " | ";

/**
 * Reads Markdown into a TextDocument. Headings keep their level; each list item's first block is
 * a list item at its nesting depth (later blocks of the item are paragraphs); block quotes give
 * blockquote blocks; fenced and indented code gives code blocks; each table row is a paragraph of
 * its cells joined by {@link TABLE_CELL_SEPARATOR}. Inline markup is dropped, a soft line break
 * becomes a space and a hard one a line break; an image counts as its alt text. Links are kept
 * when their target is http, https or mailto. The title is the first heading.
 * Quotes or lists nested too deeply to parse (thousands of levels) are read as plain text, so
 * their words are kept.
 */
export function importMarkdown(text: string): TextDocument {
  const source = text.replace(/^\ufeff/, "");
  let tokens: Token[];
  try {
    tokens = markdown.parse(source, {});
  } catch (error) {
    // markdown-it recurses once per nesting level: past the stack, keep the words as plain text.
    if (!(error instanceof RangeError)) throw error;
    return { ...importPlainText(source), format: "markdown" };
  }
  const drafts: DraftBlock[] = [];
  let listDepth = -1;
  let quoteDepth = 0;
  let headingLevel = 0;
  /** For each open list item, whether its first block has been read. */
  const itemStarted: boolean[] = [];
  let row: { text: string; links: DraftLink[] } | null = null;
  let title: string | undefined;

  const kindHere = (): Pick<DraftBlock, "kind" | "level" | "depth"> => {
    if (headingLevel > 0) return { kind: "heading", level: headingLevel };
    if (itemStarted.length > 0 && !itemStarted[itemStarted.length - 1]) {
      itemStarted[itemStarted.length - 1] = true;
      return { kind: "listItem", depth: Math.max(0, listDepth) };
    }
    if (quoteDepth > 0) return { kind: "blockquote" };
    return { kind: "paragraph" };
  };

  for (const token of tokens) {
    switch (token.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        listDepth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        listDepth--;
        break;
      case "list_item_open":
        itemStarted.push(false);
        break;
      case "list_item_close":
        itemStarted.pop();
        break;
      case "blockquote_open":
        quoteDepth++;
        break;
      case "blockquote_close":
        quoteDepth--;
        break;
      case "heading_open":
        headingLevel = Number(token.tag.slice(1)) || 1;
        break;
      case "heading_close":
        headingLevel = 0;
        break;
      case "tr_open":
        row = { text: "", links: [] };
        break;
      case "tr_close":
        if (row) drafts.push({ ...kindHere(), text: row.text, links: row.links });
        row = null;
        break;
      case "fence":
      case "code_block":
        drafts.push({ kind: "code", text: token.content });
        break;
      case "html_block":
        drafts.push({ ...kindHere(), text: token.content });
        break;
      case "inline": {
        const inline = readInline(token.children ?? []);
        if (row) {
          if (row.text !== "") row.text += TABLE_CELL_SEPARATOR;
          const offset = row.text.length;
          row.text += inline.text;
          for (const link of inline.links) row.links.push({ ...link, start: link.start + offset, end: link.end + offset });
          break;
        }
        const kind = kindHere();
        if (kind.kind === "heading" && title === undefined && inline.text.trim() !== "") title = inline.text;
        drafts.push({ ...kind, text: inline.text, links: inline.links });
        break;
      }
    }
  }
  return buildTextDocument(drafts, "markdown", title);
}

function readInline(children: Token[]): { text: string; links: DraftLink[] } {
  let text = "";
  const links: DraftLink[] = [];
  const open: { start: number; href: string | null }[] = [];
  const visit = (tokens: Token[]) => {
    for (const child of tokens) {
      switch (child.type) {
        case "text":
        case "text_special":
        case "code_inline":
        case "html_inline":
          text += child.content;
          break;
        case "softbreak":
          text += " ";
          break;
        case "hardbreak":
          text += "\n";
          break;
        case "image":
          visit(child.children ?? []);
          break;
        case "link_open": {
          const href = child.attrGet("href");
          open.push({ start: text.length, href: typeof href === "string" ? href : null });
          break;
        }
        case "link_close": {
          const link = open.pop();
          if (link && link.href !== null && isAllowedHref(link.href) && text.length > link.start) {
            links.push({ start: link.start, end: text.length, href: link.href });
          }
          break;
        }
      }
    }
  };
  visit(children);
  return { text, links };
}
