// The error a URL fetch fails with, carrying a code the edge maps to a status.

/** Why fetching a URL failed. */
export type FetchErrorCode =
  | "invalid_url"
  | "blocked_address"
  | "dns_failed"
  | "too_many_redirects"
  | "timeout"
  | "too_large"
  | "unsupported_content_type"
  | "http_error"
  | "network_error";

/** A URL that could not be fetched; `code` says why, `message` says it to a person. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;

  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FetchError";
    this.code = code;
  }
}
