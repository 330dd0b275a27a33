// Aligns the example dossier's briefing claims with the post's own text and prints each claim's verdict, support and best span.
//
//   npx tsx bench/align-example.ts [--all]
import { readFileSync } from "node:fs";
import path from "node:path";
import { alignClaims } from "@/core/alignment/align-claims.ts";
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";

const dir = path.join("examples", "fentanyl-crisis");
const manifest = JSON.parse(readFileSync(path.join(dir, "dossier.json"), "utf8"));
const post = readFileSync(path.join(dir, manifest.file), "utf8");
const split = splitEmbeddedDocument(post, manifest.briefing.startsAtLine, manifest.briefing.endsBeforeLine);
if (!split) throw new Error("the example post has no briefing");
const source = importPlainText(split.host).text;
const claims = extractClaims(importPlainText(split.embedded)).map((c, i) => ({ id: String(i), text: c.text }));
const aligned = alignClaims({ sources: [{ id: "post", text: source }], claims });
const counts = { supported: 0, partial: 0, unsupported: 0 };
for (const a of aligned) counts[a.verdict]++;
console.log(`${claims.length} claims:`, counts);
for (const a of [...aligned].sort((x, y) => y.support - x.support)) {
  if (a.verdict === "unsupported" && !process.argv.includes("--all")) continue;
  const best = a.candidates[0];
  console.log(`${a.support.toFixed(3)} ${a.verdict.padEnd(11)} ${claims[Number(a.id)].text.slice(0, 100)}`);
  if (best) console.log(`     → ${source.slice(best.start, best.end).replace(/\s+/g, " ").slice(0, 140)}`);
}
