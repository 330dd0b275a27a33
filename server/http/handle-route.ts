// Wraps a route handler: runs it, answers JSON, and maps every error to its HTTP status in one place.
import { getActor } from "../auth/get-actor.ts";
import { AppError, httpStatusOf } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { checkContentLength } from "./check-content-length.ts";
import { checkOrigin } from "./check-origin.ts";
import { MAX_JSON_BYTES } from "./read-json.ts";

type Handler<P> = (request: Request, params: P, actor: Actor) => Promise<unknown>;

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * A Next.js route handler that refuses a body declared larger than `maxBodyBytes` (413, default
 * `MAX_JSON_BYTES`) and a cookie-authenticated change from another origin (403, `checkOrigin`),
 * then resolves the request's actor, runs `handler`, and answers with JSON (status `status` on success,
 * or the status it gives for the result).
 */
export function handleRoute<P>(handler: Handler<P>, options: { status?: number | ((result: unknown) => number); maxBodyBytes?: number } = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      checkContentLength(request.headers, options.maxBodyBytes ?? MAX_JSON_BYTES);
      checkOrigin(request);
      const result = await handler(request, await context.params, await getActor(request.headers));
      const status = typeof options.status === "function" ? options.status(result) : (options.status ?? 200);
      return Response.json(result ?? null, { status, headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The JSON error response for any thrown value; unexpected errors are logged, not leaked. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    return Response.json(body, { status: httpStatusOf[error.code] });
  }
  if (isDatabaseUnavailable(error)) {
    const body: ErrorBody = { error: { code: "unavailable", message: "The database is unavailable; try again in a moment." } };
    return Response.json(body, { status: 503, headers: { "retry-after": "5" } });
  }
  if (isServerBusy(error)) {
    const body: ErrorBody = { error: { code: "unavailable", message: "The server is too busy to finish this now; nothing was saved. Try again in a moment." } };
    return Response.json(body, { status: 503, headers: { "retry-after": "2" } });
  }
  console.error(error);
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong on our side." } };
  return Response.json(body, { status: 500 });
}

function errorCodes(error: unknown): (string | undefined)[] {
  const code = (error as { code?: string; cause?: { code?: string } } | null)?.code;
  const causeCode = (error as { cause?: { code?: string } } | null)?.cause?.code;
  return [code, causeCode];
}

function isDatabaseUnavailable(error: unknown): boolean {
  const codes = errorCodes(error);
  return ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "P1001", "P1017"].some((c) => codes.includes(c));
}

/**
 * A transaction that outlived its time limit (Prisma P2028, rolled back) or found no free
 * connection in time (P2024): the work was refused whole, so the client may simply retry.
 */
function isServerBusy(error: unknown): boolean {
  const codes = errorCodes(error);
  return ["P2028", "P2024"].some((c) => codes.includes(c));
}
