// How the coverage report words the engine's verdicts, as the reader does.
import type { Verdict } from "../alignment/types.ts";

/** A verdict as a label. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  supported: "Backed",
  partial: "Partly backed",
  unsupported: "Not found in the sources",
};
