// Checks every imported document must pass, whatever the input: for the fuzzing properties.
import { expect } from "vitest";
import { ImportError } from "@/core/import/import-error.ts";
import type { TextDocument } from "@/core/text/types.ts";

/** A lone UTF-16 surrogate: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Runs an import; an `ImportError` is an accepted answer (returns null), any other throw fails. */
export function importOrRefuse(run: () => TextDocument): TextDocument | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}

/** No NUL or lone surrogate in the text; every block and link span inside it, in order, non-empty. */
export function expectWellFormed(doc: TextDocument): void {
  expect(doc.text.includes("\0")).toBe(false);
  expect(LONE_SURROGATE.test(doc.text)).toBe(false);
  let previousEnd = 0;
  for (const block of doc.blocks) {
    expect(Number.isInteger(block.start) && Number.isInteger(block.end)).toBe(true);
    expect(block.start).toBeGreaterThanOrEqual(previousEnd);
    expect(block.end).toBeGreaterThan(block.start);
    expect(block.end).toBeLessThanOrEqual(doc.text.length);
    previousEnd = block.end;
  }
  for (const link of doc.links) {
    expect(link.start).toBeGreaterThanOrEqual(0);
    expect(link.end).toBeGreaterThan(link.start);
    expect(link.end).toBeLessThanOrEqual(doc.text.length);
  }
}
