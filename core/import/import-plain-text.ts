// Reads plain text (a pasted or saved blog post) into a canonical TextDocument.
import type { TextDocument } from "../text/types.ts";
import { buildTextDocument } from "./build-text-document.ts";
import type { DraftBlock } from "./draft-block.ts";

/** Bullet glyphs that mark a list item even without a space after them. */
const GLYPH_BULLET = /^[•·▪◦‣●○■□➢➤►][ \t\u00a0]*/;
/** ASCII and dash bullets and "1." / "1)" numbers, which need a space after them. */
const SPACED_BULLET = /^(?:[-*–—]|\d{1,3}[.)])[ \t\u00a0]+/;
/** A short title-like line ends without sentence punctuation or a closing quote. */
const UNFINISHED_ENDING = /[.,;…"”’'»]$/;
const STARTS_CAPITALISED = /^[\p{Lu}\p{Lt}\p{N}]/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;
const LEADING_SPACE = /^[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u000b\u000c]*/;

/** Longest line taken as the document title. */
export const MAX_TITLE_LENGTH = 200;
/** Longest line, in characters and in words, taken as a section heading. */
export const MAX_HEADING_LENGTH = 100;
export const MAX_HEADING_WORDS = 14;

interface Line {
  indent: number;
  content: string;
  /** Text after the list marker when the line is a list item. */
  item: string | null;
}

/**
 * Reads plain text into a TextDocument:
 * - the first non-blank line is the title (a level-1 heading) unless it is a list item, ends
 *   with a full stop, or is longer than {@link MAX_TITLE_LENGTH};
 * - a line starting with a bullet (•, ·, -, *, –, —, ▪ …) or a number ("1." / "1)") is a list
 *   item; its depth follows its indentation relative to the items before it (tab = 4 columns);
 *   the marker is markup and is not kept in the text; a more indented line right under an item
 *   continues it;
 * - a short line on its own, starting with a capital or a digit and not ending with sentence
 *   punctuation or a closing quote ("Executive Summary:", "About Me") is a level-2 heading;
 * - consecutive other lines form one paragraph; a line break inside it is kept, except before a
 *   line starting in lowercase, where the line was only wrapped and the break becomes a space.
 * Text is made canonical by {@link buildTextDocument}.
 */
export function importPlainText(text: string): TextDocument {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n?|\n|\u0085|\u2028|\u2029/).map(readLine);
  const drafts: DraftBlock[] = [];
  let title: string | undefined;
  let listIndents: number[] = [];
  let current: (DraftBlock & { indent: number }) | null = null;
  let seenContent = false;

  const close = () => {
    if (current) drafts.push({ kind: current.kind, level: current.level, depth: current.depth, text: current.text });
    current = null;
  };

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.content === "") {
      close();
      continue;
    }
    const next = n + 1 < lines.length ? lines[n + 1] : null;
    const first = !seenContent;
    seenContent = true;

    if (line.item !== null) {
      close();
      while (listIndents.length > 0 && line.indent < listIndents[listIndents.length - 1]) listIndents.pop();
      if (listIndents.length === 0 || line.indent > listIndents[listIndents.length - 1]) listIndents.push(line.indent);
      current = { kind: "listItem", depth: listIndents.length - 1, text: line.item, indent: line.indent };
      continue;
    }
    const cur = current as (DraftBlock & { indent: number }) | null;
    if (cur && cur.kind === "listItem" && line.indent > cur.indent) {
      cur.text += joinBreak(line.content) + line.content;
      continue;
    }
    if (cur && cur.kind === "paragraph") {
      cur.text += joinBreak(line.content) + line.content;
      continue;
    }
    close();
    listIndents = [];
    // The line before is blank, a heading or a list item (a paragraph line would have taken it).
    const alone = next === null || next.content === "" || next.item !== null;
    if (first && line.content.length <= MAX_TITLE_LENGTH && !line.content.endsWith(".")) {
      drafts.push({ kind: "heading", level: 1, text: line.content });
      title = line.content;
    } else if (alone && isTitleLike(line.content)) {
      drafts.push({ kind: "heading", level: 2, text: line.content });
    } else {
      current = { kind: "paragraph", text: line.content, indent: line.indent };
    }
  }
  close();
  return buildTextDocument(drafts, "text", title);
}

function readLine(raw: string): Line {
  const lead = LEADING_SPACE.exec(raw)![0];
  let indent = 0;
  for (const ch of lead) indent = ch === "\t" ? indent + 4 - (indent % 4) : indent + 1;
  const content = raw.slice(lead.length).trimEnd();
  const marker = GLYPH_BULLET.exec(content) ?? SPACED_BULLET.exec(content);
  const item = marker && marker[0].length < content.length ? content.slice(marker[0].length) : null;
  return { indent, content, item };
}

function isTitleLike(content: string): boolean {
  return (
    content.length <= MAX_HEADING_LENGTH &&
    STARTS_CAPITALISED.test(content) &&
    !UNFINISHED_ENDING.test(content) &&
    content.split(/\s+/).length <= MAX_HEADING_WORDS
  );
}

/** A wrapped line continues its sentence; any other line break is kept. */
function joinBreak(nextLine: string): string {
  return STARTS_LOWERCASE.test(nextLine) ? " " : "\n";
}
