// Specifies `attest check`: a briefing's coverage by its sources on stdout; exit 1 under --fail-under, 2 on bad input.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";

const root = path.resolve(import.meta.dirname, "../..");
let dir: string;
/** Files of the example: the post in its author's words, and the briefing pasted into it. */
let post: string;
let briefing: string;

function check(...args: string[]) {
  return spawnSync(process.execPath, ["cli/run.mjs", "check", ...args], { cwd: root, encoding: "utf8" });
}

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "attest-check-"));
  const split = splitEmbeddedDocument(readFileSync("tests/fixtures/text/seed-post.txt", "utf8"), "Briefing Document:", "Leave a comment")!;
  post = file("post.txt", split.host);
  briefing = file("briefing.txt", split.embedded);
});

describe("attest check", () => {
  it("reports the example briefing against the post: each claim, the one partly backed with its passage, the missing quotes", () => {
    const run = check("--source", post, "--briefing", briefing);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`Briefing: ${briefing} (41 claims)`);
    expect(lines[1]).toBe(`Sources: ${post} (775 characters)`);
    expect(run.stdout).toContain("Backed 1 of 41 claims (2.4%): 0 backed, 1 partly backed, 40 not found in the sources.");
    expect(run.stdout).toMatch(/^ {2}6\. \[Partly backed, support 0\.\d\d\] Covert CIA drone flights over Mexican territory to identify fentanyl labs\.$/m);
    expect(run.stdout).toMatch(/↳ .*post\.txt 179–474: “Recent news organizations have added to the narrative by reporting on US spy planes and CIA controlled drones/);
    expect(run.stdout).toContain("quote “go ‘well into sovereign Mexico.’”: missing");
  }, 60_000);

  it("exits 1 when fewer claims than --fail-under percent are backed, still printing the report", () => {
    const run = check("--source", post, "--briefing", briefing, "--fail-under", "50");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Backed 1 of 41 claims");
    expect(run.stderr).toBe("attest check: 2.4% of the claims are backed, under --fail-under 50\n");
    expect(check("--source", post, "--briefing", briefing, "--fail-under", "2.4").status).toBe(0);
  }, 60_000);

  it("writes the report as JSON", () => {
    const run = check("--source", post, "--briefing", briefing, "--format", "json");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ briefing, counts: { total: 41, supported: 0, partial: 1, unsupported: 40 }, backedPercent: 2.4, quotes: { verbatim: 0, near: 0, missing: 14 } });
    const backed = report.claims.find((c: { verdict: string }) => c.verdict !== "unsupported");
    expect(backed).toMatchObject({ number: 6, section: "Key Themes and Information", evidence: { source: post, start: 179, end: 474 } });
    expect(readFileSync(post, "utf8").replace(/\r/g, "")).toContain(backed.evidence.quote.slice(0, 60));
  }, 60_000);

  it("writes the report as Markdown with a table of claims and the quote checks", () => {
    const run = check("--source", post, "--briefing", briefing, "--format", "md");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("| # | Claim | Verdict | Support | Passage |");
    expect(run.stdout.split("\n").filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(41);
    expect(run.stdout).toContain("### Quote and number checks");
  }, 60_000);

  it("reads Markdown and HTML files, takes several sources after one --source, and finds verbatim quotes and differing numbers", () => {
    const md = file("brief.md", "# Brief\n\n- Sheinbaum said the designation is “a harbinger of potential lethal strikes on drug labs.”\n- The bridge reopened in 2019 after 140 days of repairs.\n- Penguins live at the North Pole.\n");
    const html = file("news.html", "<html><body><article><p>The bridge reopened in 2017 after 140 days of repairs, the city said.</p></article></body></html>");
    const run = check("--source", post, html, "--briefing", md, "--format", "json");
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.sources.map((s: { name: string }) => s.name)).toEqual([post, html]);
    expect(report.counts.total).toBe(3);
    const [quoted, bridge, penguins] = report.claims;
    expect(quoted.quotes[0]).toMatchObject({ text: "a harbinger of potential lethal strikes on drug labs.", status: "verbatim", source: post, start: 421, end: 474 });
    expect(bridge).toMatchObject({ evidence: { source: html } });
    expect(bridge.mismatches).toEqual([expect.objectContaining({ kind: "date", claim: "2019", source: "2017" })]);
    expect(penguins).toMatchObject({ verdict: "unsupported", evidence: null });
  }, 60_000);

  const bad = [
    { name: "no arguments", args: () => [], message: /^attest check: --briefing is required \(usage: attest check --source FILE… --briefing FILE/ },
    { name: "no source", args: () => ["--briefing", briefing], message: /--source is required/ },
    { name: "an unknown argument", args: () => ["--source", post, "--briefing", briefing, "--verbose"], message: /unknown argument "--verbose"/ },
    { name: "an unknown format", args: () => ["--source", post, "--briefing", briefing, "--format", "xml"], message: /--format must be text, json or md/ },
    { name: "a threshold over 100", args: () => ["--source", post, "--briefing", briefing, "--fail-under", "150"], message: /--fail-under needs a percentage from 0 to 100/ },
    { name: "a threshold that is no number", args: () => ["--source", post, "--briefing", briefing, "--fail-under", "half"], message: /--fail-under needs a percentage/ },
    { name: "a missing file", args: () => ["--source", path.join(dir, "nope.txt"), "--briefing", briefing], message: /cannot read .*nope\.txt: no such file/ },
    { name: "a binary file", args: () => ["--source", file("image.txt", new Uint8Array([137, 80, 78, 71, 0, 1, 2])), "--briefing", briefing], message: /cannot import .*image\.txt: The file contains NUL bytes/ },
    { name: "a PDF", args: () => ["--source", file("paper.pdf", "%PDF-1.7 text"), "--briefing", briefing], message: /cannot import .*paper\.pdf: Cannot import PDF files/ },
    { name: "a briefing without claims", args: () => ["--source", post, "--briefing", file("empty.md", "# Only a title\n")], message: /holds no claims to check/ },
  ];
  for (const { name, args, message } of bad) {
    it(`refuses ${name} with one line on stderr, exit 2 and nothing on stdout`, () => {
      const run = check(...args());
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }, 60_000);
  }
});
