// Reads HTML into a canonical TextDocument: sanitised with an allowlist, then walked into blocks.
import { Parser } from "htmlparser2";
import type { BlockKind, TextDocument } from "../text/types.ts";
import { buildTextDocument } from "./build-text-document.ts";
import type { DraftBlock, DraftLink } from "./draft-block.ts";
import { isAllowedHref } from "./is-allowed-href.ts";
import { BLOCK_TAGS, sanitizeHtmlToAllowlist } from "./sanitize-html-to-allowlist.ts";
import { TABLE_CELL_SEPARATOR } from "./import-markdown.ts";

/**
 * Reads HTML into a TextDocument. The input is sanitised with an allowlist (see
 * `sanitizeHtmlToAllowlist`), then walked: headings keep their level, list items their nesting
 * depth, `pre` gives code blocks, `blockquote` blockquote blocks, a table row a paragraph of its
 * cells joined by {@link TABLE_CELL_SEPARATOR}, and any other block element a paragraph.
 * Whitespace collapses as a browser shows it (except in `pre`) and `<br>` is a line break.
 * The title is the `<title>` text, else the first heading's.
 */
export function importHtml(html: string): TextDocument {
  const source = html.replace(/^\ufeff/, "");
  const safe = sanitizeHtmlToAllowlist(source);
  const drafts: DraftBlock[] = [];
  const stack: string[] = [];
  let buffer = "";
  let links: DraftLink[] = [];
  let openLink: { start: number; href: string } | null = null;
  let firstHeading: string | undefined;
  let cellsInRow = 0;

  const flush = () => {
    if (openLink && buffer.length > openLink.start) links.push({ start: openLink.start, end: buffer.length, href: openLink.href });
    if (openLink) openLink = { start: 0, href: openLink.href };
    if (buffer.trim() !== "") {
      const block = blockKind(stack);
      if (block.kind === "heading" && firstHeading === undefined) firstHeading = buffer;
      drafts.push({ ...block, text: buffer, links });
    }
    buffer = "";
    links = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (BLOCK_TAGS.has(name)) flush();
        stack.push(name);
        if (name === "tr") cellsInRow = 0;
        if ((name === "td" || name === "th") && cellsInRow++ > 0) buffer += TABLE_CELL_SEPARATOR;
        if (name === "br") buffer += "\n";
        if (name === "a" && attribs.href !== undefined && isAllowedHref(attribs.href)) openLink = { start: buffer.length, href: attribs.href.trim() };
      },
      ontext(text) {
        buffer += stack.includes("pre") ? text : text.replace(/[ \t\n\r\f]+/g, " ");
      },
      onclosetag(name) {
        if (name === "a" && openLink) {
          if (buffer.length > openLink.start) links.push({ start: openLink.start, end: buffer.length, href: openLink.href });
          openLink = null;
        }
        if (BLOCK_TAGS.has(name)) flush();
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(safe);
  parser.end();
  flush();
  return buildTextDocument(drafts, "html", findTitle(source) ?? firstHeading);
}

function blockKind(stack: readonly string[]): Pick<DraftBlock, "kind" | "level" | "depth"> {
  let kind: BlockKind = "paragraph";
  for (let k = stack.length - 1; k >= 0; k--) {
    const name = stack[k];
    if (/^h[1-6]$/.test(name)) return { kind: "heading", level: Number(name[1]) };
    if (name === "pre") return { kind: "code" };
    if (name === "li" && kind === "paragraph") {
      return { kind: "listItem", depth: Math.max(0, stack.filter((n) => n === "ul" || n === "ol").length - 1) };
    }
    if (name === "blockquote" && kind === "paragraph") kind = "blockquote";
  }
  return { kind };
}

/** The text of the first `<title>` element, if any. */
function findTitle(html: string): string | undefined {
  let inTitle = false;
  let done = false;
  let title = "";
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title" && !done) inTitle = true;
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === "title" && inTitle) {
          inTitle = false;
          done = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  title = title.replace(/\s+/g, " ").trim();
  return title === "" ? undefined : title;
}
