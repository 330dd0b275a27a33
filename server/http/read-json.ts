// Reads a request's JSON body with a size limit, as an `invalid_input` error when it is not JSON.
import { AppError } from "../errors/app-error.ts";

/** Largest JSON body accepted, in bytes. */
export const MAX_JSON_BYTES = 6 * 1024 * 1024;

/** The parsed body; `AppError` when it is larger than `maxBytes` (`MAX_JSON_BYTES` by default) or not JSON. */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("too_large", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}
