// Specifies the engine's honesty on the example dossier: the post backs few of the pasted briefing's claims.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alignClaims } from "@/core/alignment/align-claims.ts";
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";

const dir = path.join("examples", "fentanyl-crisis");
const manifest = JSON.parse(readFileSync(path.join(dir, "dossier.json"), "utf8"));
const split = splitEmbeddedDocument(readFileSync(path.join(dir, manifest.file), "utf8"), manifest.briefing.startsAtLine, manifest.briefing.endsBeforeLine)!;
const post = importPlainText(split.host).text;
const claims = extractClaims(importPlainText(split.embedded)).map((c, i) => ({ id: String(i), text: c.text }));
const results = alignClaims({ sources: [{ id: "post", text: post }], claims });
const verdictOf = (start: string) => results[claims.findIndex((c) => c.text.startsWith(start))].verdict;

describe("alignClaims on the example dossier", () => {
  it("calls no claim of the briefing fully supported by the post, and most of them unsupported", () => {
    expect(claims).toHaveLength(41);
    expect(results.filter((r) => r.verdict === "supported")).toEqual([]);
    expect(results.filter((r) => r.verdict === "unsupported").length).toBeGreaterThanOrEqual(38);
  });

  it("calls unsupported the claims whose facts the post never states", () => {
    for (const start of ["Creation of a special intelligence task force (140 analysts)", "Defense Secretary Pete Hegseth did not rule out", "Trump has nominated Ronald Johnson"]) {
      expect(verdictOf(start)).toBe("unsupported");
    }
  });

  it("ranks the post's sentence on CIA drones over Mexico first for the claim about them", () => {
    const at = claims.findIndex((c) => c.text.startsWith("Covert CIA drone flights"));
    const best = results[at].candidates[0];
    expect(post.slice(best.start, best.end)).toContain("CIA controlled drones gathering intelligence while over Mexico");
  });
});
