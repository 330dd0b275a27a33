import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, neutraliseFormula, toCsv } from "@/core/export/to-csv.ts";
import { exampleExport } from "./example-export.ts";

const naughty: string[] = JSON.parse(readFileSync("tests/fixtures/text/blns.json", "utf8"));
const xss = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter(Boolean).slice(0, 400);

/** Parses CSV as a spreadsheet would, header row first. */
function read(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false });
}

describe("toCsv", () => {
  const dossier = exampleExport();
  const csv = toCsv(dossier);
  const [header, ...rows] = read(csv);

  it("starts with a byte order mark and a header, and has one row per claim", () => {
    expect(csv.startsWith("\ufeffSection,Claim,Verdict,")).toBe(true);
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(dossier.claims.length);
    expect(rows.map((r) => r[1])).toEqual(dossier.claims.map((c) => neutraliseFormula(c.text)));
  });

  it("gives an accepted link's source, quote, offsets and score, and the reviewer and time", () => {
    const link = dossier.links[0];
    const row = rows[dossier.claims.findIndex((c) => c.id === link.claimId)];
    const cell = (header: string) => row[CSV_COLUMNS.findIndex((c) => c.header === header)];
    expect(cell("Verdict")).toBe("Backed");
    expect(cell("Evidence")).toBe("Supports");
    expect(cell("Source")).toBe("Fentanyl Crisis: US Military Response and Consequences");
    expect(cell("Quote")).toBe(neutraliseFormula(link.exact));
    expect([cell("Start"), cell("End"), cell("Score")]).toEqual([String(link.start), String(link.end), String(link.score)]);
    const reviewed = rows[5];
    expect(reviewed[CSV_COLUMNS.findIndex((c) => c.key === "reviewer")]).toBe("Ana Reviewer");
    expect(reviewed[CSV_COLUMNS.findIndex((c) => c.key === "time")]).toBe("2026-11-03T09:30:00.000Z");
  });

  it("leaves the evidence cells empty for a claim nothing backs", () => {
    const linked = new Set(dossier.links.map((l) => l.claimId));
    const row = rows[dossier.claims.findIndex((c) => !linked.has(c.id))];
    expect(row[2]).toBe("Not found in the attached sources");
    expect(row.slice(5, 10)).toEqual(["", "", "", "", ""]);
  });

  it("keeps every hostile string intact, and none of them starts a formula", () => {
    const strings = [...naughty, ...xss, "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x","y")', 'a "quoted", comma\nline'];
    const hostile = {
      ...dossier,
      claims: strings.map((text, i) => ({ ...dossier.claims[0], id: `c${i}`, text, section: text })),
      links: [],
    };
    const parsed = read(toCsv(hostile)).slice(1);
    expect(parsed).toHaveLength(strings.length);
    parsed.forEach((row, i) => {
      expect(row[1]).toBe(neutraliseFormula(strings[i]));
      expect(row[0]).toBe(neutraliseFormula(strings[i]));
      for (const cell of row) expect(cell, JSON.stringify(strings[i])).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  const cases = [
    { input: "=1+1", expected: "'=1+1" },
    { input: "+1", expected: "'+1" },
    { input: "-1", expected: "'-1" },
    { input: "@SUM(A1)", expected: "'@SUM(A1)" },
    { input: "\t=1", expected: "'\t=1" },
    { input: "\r=1", expected: "'\r=1" },
    { input: "a=1", expected: "a=1" },
    { input: "", expected: "" },
  ];
  for (const { input, expected } of cases) {
    it(`neutralises ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => expect(neutraliseFormula(input)).toBe(expected));
  }
});
