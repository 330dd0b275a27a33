// `attest check --source FILE… --briefing FILE [--format text|json|md] [--fail-under N]`: a briefing's coverage by its sources, for CI.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkBriefing, type CoverageReport, type NamedDocument } from "../../core/check/check-briefing.ts";
import { formatCoverageMarkdown } from "../../core/check/format-coverage-markdown.ts";
import { formatCoverageText } from "../../core/check/format-coverage-text.ts";
import { importDocument } from "../../core/import/import-document.ts";
import { ImportError } from "../../core/import/import-error.ts";

const USAGE = "usage: attest check --source FILE… --briefing FILE [--format text|json|md] [--fail-under N]";
const FORMATS = ["text", "json", "md"] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  sources: string[];
  briefing: string;
  format: Format;
  failUnder: number | null;
}

/**
 * Prints the coverage report on stdout and exits 0; 1 when fewer than `--fail-under` percent of
 * the claims are backed (fully or in part); 2, with one line on stderr, for bad arguments, a
 * file that cannot be read or imported, or a briefing without claims.
 */
export async function checkCommand(args: string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`attest check: ${message.replace(/\s*\n\s*/g, " ")}\n`);
    return 2;
  };
  const options = parseArgs(args);
  if (typeof options === "string") return fail(options);
  const read = async (file: string): Promise<NamedDocument | string> => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      return `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error)}`;
    }
    try {
      return { name: file, document: importDocument({ bytes, filename: path.basename(file) }) };
    } catch (error) {
      if (error instanceof ImportError) return `cannot import ${file}: ${error.message}`;
      throw error;
    }
  };
  const briefing = await read(options.briefing);
  if (typeof briefing === "string") return fail(briefing);
  const sources: NamedDocument[] = [];
  for (const file of options.sources) {
    const source = await read(file);
    if (typeof source === "string") return fail(source);
    sources.push(source);
  }
  const report = checkBriefing({ briefing, sources });
  if (report.counts.total === 0) return fail(`${options.briefing} holds no claims to check (no sentences outside headings and code)`);
  process.stdout.write(render(report, options.format));
  if (options.failUnder !== null && report.backedPercent < options.failUnder) {
    process.stderr.write(`attest check: ${report.backedPercent}% of the claims are backed, under --fail-under ${options.failUnder}\n`);
    return 1;
  }
  return 0;
}

function render(report: CoverageReport, format: Format): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "md") return formatCoverageMarkdown(report);
  return formatCoverageText(report);
}

function parseArgs(args: string[]): Options | string {
  const sources: string[] = [];
  let briefing: string | undefined;
  let format: Format = "text";
  let failUnder: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("--")) return undefined;
      i++;
      return next;
    };
    if (arg === "--source") {
      const first = value();
      if (!first) return `--source needs at least one file (${USAGE})`;
      sources.push(first);
      for (let next = value(); next !== undefined; next = value()) sources.push(next);
    } else if (arg === "--briefing") {
      const file = value();
      if (!file) return `--briefing needs a file (${USAGE})`;
      if (briefing) return `give one --briefing (${USAGE})`;
      briefing = file;
    } else if (arg === "--format") {
      const name = value();
      if (!name || !(FORMATS as readonly string[]).includes(name)) return `--format must be text, json or md (${USAGE})`;
      format = name as Format;
    } else if (arg === "--fail-under") {
      const raw = value();
      const n = raw === undefined ? NaN : Number(raw);
      if (!raw || !Number.isFinite(n) || n < 0 || n > 100) return `--fail-under needs a percentage from 0 to 100 (${USAGE})`;
      failUnder = n;
    } else return `unknown argument "${arg}" (${USAGE})`;
  }
  if (!briefing) return `--briefing is required (${USAGE})`;
  if (sources.length === 0) return `--source is required (${USAGE})`;
  if (new Set(sources).size !== sources.length) return "the same --source file is given twice";
  return { sources, briefing, format, failUnder };
}
