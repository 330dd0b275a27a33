// Assembles draft blocks into a canonical TextDocument: clean text, block spans, links and hash.
import type { Block, DocumentFormat, TextDocument, TextLink } from "../text/types.ts";
import { hashText } from "../text/hash-text.ts";
import type { DraftBlock } from "./draft-block.ts";

/** What separates two blocks in the canonical text. */
export const BLOCK_SEPARATOR = "\n\n";

/**
 * Builds the canonical document from draft blocks, in order.
 *
 * Canonical text rules, applied to every block:
 * - CR, CRLF, NEL, U+2028 and U+2029 become LF;
 * - C0 and C1 control characters other than tab and line breaks (NUL, BEL, ESC, DEL…) are removed;
 * - a lone UTF-16 surrogate becomes U+FFFD;
 * - outside code blocks, runs of spaces, tabs and other space separators (NBSP, U+3000…) become
 *   one space, lines are trimmed, and runs of line breaks become one line break, so a block
 *   never holds a blank line;
 * - in code blocks, indentation and inner blank lines are kept, trailing spaces of each line and
 *   leading/trailing blank lines are removed;
 * - the text is put in Unicode NFC.
 *
 * Blocks whose text ends up empty are left out; the others are joined by a blank line
 * ({@link BLOCK_SEPARATOR}), list items included. Link spans follow their text through these
 * rules and are trimmed to non-space characters; empty links are left out.
 */
export function buildTextDocument(drafts: readonly DraftBlock[], format: DocumentFormat, title?: string): TextDocument {
  let text = "";
  const blocks: Block[] = [];
  const links: TextLink[] = [];
  for (const draft of drafts) {
    const clean = canonicalBlockText(draft.text, draft.kind === "code");
    if (clean.text === "") continue;
    const normal = toNfc(clean.text, clean.map);
    if (blocks.length > 0) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += normal.text;
    const block: Block = { kind: draft.kind, start, end: text.length };
    if (draft.kind === "heading") block.level = Math.min(6, Math.max(1, draft.level ?? 1));
    if (draft.kind === "listItem") block.depth = Math.max(0, draft.depth ?? 0);
    if (draft.page !== undefined) block.page = draft.page;
    blocks.push(block);
    for (const link of draft.links ?? []) {
      if (!(link.start >= 0 && link.end <= draft.text.length && link.start < link.end)) continue;
      let s = normal.map[link.start];
      let e = normal.map[link.end];
      while (s < e && /\s/.test(normal.text[s])) s++;
      while (e > s && /\s/.test(normal.text[e - 1])) e--;
      if (s < e) links.push({ start: start + s, end: start + e, href: link.href });
    }
  }
  const doc: TextDocument = { text, blocks, links, format, hash: hashText(text) };
  const cleanTitle = title === undefined ? "" : toNfc(canonicalBlockText(title, false).text.replace(/\n/g, " "), null).text;
  if (cleanTitle !== "") doc.title = cleanTitle;
  return doc;
}

interface MappedText {
  text: string;
  /** `map[i]` is where offset `i` of the input lands in `text` (length input + 1, non-decreasing). */
  map: Int32Array;
}

function canonicalBlockText(raw: string, code: boolean): MappedText {
  const map = new Int32Array(raw.length + 1);
  let out = "";
  let newlines = 0;
  let spaces = "";
  for (let i = 0; i < raw.length; i++) {
    map[i] = out.length;
    const c = raw.charCodeAt(i);
    if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029) {
      newlines++;
      spaces = "";
      continue;
    }
    if (isHorizontalSpace(c)) {
      spaces += code ? raw[i] : " ";
      continue;
    }
    if (isStrippedControl(c)) continue;
    let ch = raw[i];
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = raw.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) ch = raw.slice(i, i + 2);
      else ch = "\ufffd";
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      ch = "\ufffd";
    }
    if (out.length > 0 && newlines > 0) out += code ? "\n".repeat(newlines) : "\n";
    if (code) {
      // Indentation and inner spaces of code are kept; trailing ones were reset at the newline.
      out += spaces;
    } else if (out.length > 0 && newlines === 0 && spaces !== "") {
      out += " ";
    }
    newlines = 0;
    spaces = "";
    map[i] = out.length;
    out += ch;
    if (ch.length === 2) {
      i++;
      map[i] = out.length - 1;
    }
  }
  map[raw.length] = out.length;
  return { text: out, map };
}

/** Puts `text` in NFC; offsets through `map` are carried over by normalising prefixes. */
function toNfc(text: string, map: Int32Array | null): MappedText {
  const nfc = text.normalize("NFC");
  if (nfc === text || map === null) return { text: nfc, map: map ?? new Int32Array(0) };
  const cache = new Map<number, number>();
  const remapped = map.map((offset) => {
    let value = cache.get(offset);
    if (value === undefined) {
      value = Math.min(nfc.length, text.slice(0, offset).normalize("NFC").length);
      cache.set(offset, value);
    }
    return value;
  });
  return { text: nfc, map: remapped };
}

/** Tab, vertical tab, form feed and the Unicode space separators. */
function isHorizontalSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** C0 and C1 controls that carry no text: removed rather than kept invisibly. */
function isStrippedControl(c: number): boolean {
  return c <= 0x08 || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f);
}
