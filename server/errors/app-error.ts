// Errors of the use cases: each carries a code, mapped to an HTTP status once, here.

/** What went wrong, independent of transport. */
export type ErrorCode = "invalid_input" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "gone" | "too_large" | "unavailable";

/** The HTTP status of each error code. */
export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unavailable: 503,
};

/** An error a use case raises on purpose; its message is safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}
