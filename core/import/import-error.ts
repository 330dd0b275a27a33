// The error an import refuses its input with, carrying a code the edge maps to a status.

/** Why an input was refused. */
export type ImportErrorCode = "too_large" | "binary" | "invalid_utf8" | "empty" | "unsupported_format" | "no_text_layer" | "unreadable";

/** An input that cannot become a document; `code` says why, `message` says it to a person. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = "ImportError";
    this.code = code;
  }
}
