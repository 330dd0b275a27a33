// Wraps a route handler that answers with a file to download; errors are JSON as for every route.
import { getActor } from "../auth/get-actor.ts";
import type { Actor } from "../policies/actor.ts";
import { checkContentLength } from "./check-content-length.ts";
import { errorResponse } from "./handle-route.ts";
import { MAX_JSON_BYTES } from "./read-json.ts";

/** A file a handler answers with. */
export interface Download {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

type Handler<P> = (request: Request, params: P, actor: Actor) => Promise<Download>;

/**
 * A Next.js route handler that resolves the request's actor, runs `handler`, and answers with
 * the file as an attachment (`Content-Disposition` with an ASCII name and its UTF-8 form).
 */
export function handleDownload<P>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      checkContentLength(request.headers, MAX_JSON_BYTES);
      const file = await handler(request, await context.params, await getActor(request.headers));
      return new Response(file.body, {
        status: 200,
        headers: {
          "content-type": file.contentType,
          "content-disposition": contentDisposition(file.filename),
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266), the plain name stripped to safe ASCII. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
