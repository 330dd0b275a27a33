// The canonical text model every document version is reduced to: one plain text plus its blocks.

/** A half-open range `[start, end)` in UTF-16 code units into a document's canonical text. */
export interface Span {
  start: number;
  end: number;
}

/** The structural role of a block of text. */
export type BlockKind = "heading" | "paragraph" | "listItem" | "blockquote" | "code";

/** One block of a document (a heading, a paragraph, a list item…), as a span of its text. */
export interface Block extends Span {
  kind: BlockKind;
  /** Heading level 1–6; only for headings. */
  level?: number;
  /** List nesting, 0 for a top-level item; only for list items. */
  depth?: number;
  /** The 1-based page the block is on, for documents read from PDF. */
  page?: number;
}

/** A hyperlink kept from the input, over the span of its anchor text. */
export interface TextLink extends Span {
  href: string;
}

/** The formats a document version can be imported from. */
export type DocumentFormat = "text" | "markdown" | "html" | "pdf";

/** A document version reduced to canonical plain text, its structure, and its content hash. */
export interface TextDocument {
  /** Canonical plain text: blocks separated by blank lines, no trailing whitespace. */
  text: string;
  blocks: Block[];
  links: TextLink[];
  format: DocumentFormat;
  /** `sha256:<hex>` of the canonical text. */
  hash: string;
  /** Title found in the input (first heading or `<title>`), if any. */
  title?: string;
}
