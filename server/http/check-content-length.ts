// Refuses a request whose declared body is larger than a limit, before any of it is read.
import { AppError } from "../errors/app-error.ts";

/** Largest body of a request to the sign-in, sign-up and session routes, in bytes. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/**
 * `AppError("too_large")` when the request's `Content-Length` says its body is over `maxBytes`.
 * A body sent without a length (chunked) is counted while it is read (`readLimitedBody`).
 */
export function checkContentLength(headers: Headers, maxBytes: number): void {
  const declared = headers.get("content-length");
  if (declared === null || declared.trim() === "") return;
  const length = Number(declared);
  if (!Number.isFinite(length) || length < 0) throw new AppError("invalid_input", "The Content-Length header is not a number.");
  if (length > maxBytes) throw tooLarge(maxBytes);
}

/** The error of a body over `maxBytes`. */
export function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large", `The request body is too large (the limit is ${formatBytes(maxBytes)}).`, { maxBytes });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
