// Rules every source file keeps: no raw SQL built from strings, and no password, secret or token written to the log.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const FOLDERS = ["app", "server", "core", "cli", "scripts", "components"];
const SKIPPED = new Set(["node_modules", "generated", ".next"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder))).map((file) => ({
  name: path.relative(root, file),
  lines: readFileSync(file, "utf8").split("\n"),
}));

/** `file:line: text` of every line matching `test`. */
function offenders(test: (line: string) => boolean): string[] {
  return files.flatMap(({ name, lines }) => lines.flatMap((line, i) => (test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])));
}

/** The code of a line with the text of its string literals removed (template `${…}` expressions kept). */
function codeOnly(line: string): string {
  return line
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/`(?:[^`\\$]|\\.|\$(?!\{))*/g, "`")
    .replace(/\}(?:[^`\\$]|\\.|\$(?!\{))*`/g, "}`");
}

const RAW_SQL = /\$(queryRawUnsafe|executeRawUnsafe)\b/;
const LOGGED_SECRET = (line: string): boolean => {
  const call = line.match(/\bconsole\.(log|info|warn|error|debug|trace)\s*\((.*)$/);
  return call !== null && /\w*(password|passwd|secret|token)\w*/i.test(codeOnly(call[2]));
};

describe("source rules", () => {
  it(`scans the sources of ${FOLDERS.join(", ")}`, () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("builds no SQL from strings ($queryRawUnsafe and $executeRawUnsafe are banned; use tagged $queryRaw)", () => {
    expect(offenders((line) => RAW_SQL.test(line))).toEqual([]);
  });

  it("writes no password, secret or token variable to the console", () => {
    expect(offenders(LOGGED_SECRET)).toEqual([]);
  });

  const examples = [
    { line: "console.log(password);", caught: true },
    { line: "console.error(`signed in with ${user.token}`);", caught: true },
    { line: "console.info('secret:', authSecret)", caught: true },
    { line: "console.log(`Seeded ${n} reviewer tokens.`);", caught: false },
    { line: 'console.error("The password is too short");', caught: false },
    { line: "console.log(`Attest is ready on http://localhost:${port}`);", caught: false },
    { line: "const rows = await db.$queryRawUnsafe(sql);", caught: "sql" },
  ];
  for (const { line, caught } of examples) {
    it(`${caught ? "catches" : "lets through"} \`${line}\``, () => {
      if (caught === "sql") expect(RAW_SQL.test(line)).toBe(true);
      else expect(LOGGED_SECRET(line)).toBe(caught);
    });
  }
});
