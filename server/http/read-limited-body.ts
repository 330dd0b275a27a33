// Reads a request's body whole, refusing it from its Content-Length or as soon as it passes a limit.
import { checkContentLength, tooLarge } from "./check-content-length.ts";

/**
 * The body's bytes. `AppError("too_large")` when `Content-Length` is over `maxBytes` (nothing is
 * read), or when a body without one (chunked) passes `maxBytes` while it is read: reading stops
 * there and the rest of the stream is cancelled.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  checkContentLength(request.headers, maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
