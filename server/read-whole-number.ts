// Reads a whole-number setting from the environment, or its default; a bad value stops the start.
import { StartupError } from "./db/startup-error.ts";

/** `value` as a whole number of at least `min`, `fallback` when unset or blank; otherwise a `StartupError` naming `name`. */
export function readWholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new StartupError(`${name} must be a whole number, ${min} or more (it is "${value}")`, "fix it or unset it");
  }
  return n;
}
