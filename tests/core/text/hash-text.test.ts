// Specification of the content hash of canonical text.
import { describe, expect, it } from "vitest";
import { hashText } from "@/core/text/hash-text.ts";

describe("hashText", () => {
  it.each([
    { name: "the empty text", input: "", expected: "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { name: "ASCII text", input: "abc", expected: "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
  ])("hashes $name as SHA-256 of its UTF-8 bytes", ({ input, expected }) => {
    expect(hashText(input)).toBe(expected);
  });

  it("hashes non-ASCII text through UTF-8", () => {
    expect(hashText("é")).not.toBe(hashText("e\u0301"));
    expect(hashText("é")).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
