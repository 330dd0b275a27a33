// Reads a request's JSON body with a size limit, as an `invalid_input` error when it is not JSON.
import { AppError } from "../errors/app-error.ts";
import { readLimitedBody } from "./read-limited-body.ts";

/** Largest JSON body accepted, in bytes (the default body limit of every API route). */
export const MAX_JSON_BYTES = 6 * 1024 * 1024;

/** The parsed body; `AppError` when it is larger than `maxBytes` (`MAX_JSON_BYTES` by default) or not JSON. */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const bytes = await readLimitedBody(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}
