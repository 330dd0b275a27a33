// End-to-end specification of `attest anchor`: spawns the command on job files and reads what it wrote.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeRange } from "@/core/anchoring/describe.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "attest-anchor-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `npm run --silent attest -- anchor …args` and returns its exit code and output. */
async function attestAnchor(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "attest", "--", "anchor", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

function selector(id: string, text: string, quote: string) {
  const start = text.indexOf(quote);
  const [q, p] = describeRange(text, start, start + quote.length);
  return { id, exact: q.exact, prefix: q.prefix, suffix: q.suffix, start: p.start, end: p.end };
}

const oldText =
  "The committee met on Tuesday to review the budget.\n\nAfter a long debate, the members agreed to postpone the vote " +
  "until the next session.\n\nLocal reporters said the decision surprised few people in the town.";
const newText =
  "Local reporters said the decision surprised few people in the town.\n\nThe committee met on Tuesday to review the " +
  "budget.\n\nAfter a long debate, the members voted to postpone the vote until the next session.";

describe("attest anchor", () => {
  it("re-anchors every task of a job and writes offsets into the new text", async () => {
    const job = {
      tasks: [
        {
          id: "budget-story",
          oldText,
          newText,
          selectors: [
            selector("kept", oldText, "met on Tuesday to review the budget"),
            selector("moved", oldText, "surprised few people in the town"),
            selector("edited", oldText, "the members agreed to postpone the vote"),
          ],
        },
        { id: "gone", oldText, newText: "Nothing of the kind.", selectors: [selector("deleted", oldText, "met on Tuesday to review the budget")] },
      ],
    };
    const input = path.join(dir, "job.json");
    const output = path.join(dir, "result.json");
    await writeFile(input, JSON.stringify(job));
    const { code, stderr } = await attestAnchor(["--input", input, "--output", output]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(output, "utf8"));
    const [first, second] = result.tasks;
    expect(first.id).toBe("budget-story");
    const byId = Object.fromEntries(first.anchors.map((a: { id: string }) => [a.id, a]));
    expect(byId.kept).toMatchObject({ status: "anchored" });
    expect(newText.slice(byId.kept.start, byId.kept.end)).toBe("met on Tuesday to review the budget");
    expect(byId.moved).toMatchObject({ status: "anchored" });
    expect(newText.slice(byId.moved.start, byId.moved.end)).toBe("surprised few people in the town");
    expect(byId.edited).toMatchObject({ status: "changed" });
    expect(newText.slice(byId.edited.start, byId.edited.end)).toBe("the members voted to postpone the vote");
    for (const a of first.anchors) expect(a.score).toBeGreaterThan(0.8);
    expect(second).toEqual({ id: "gone", anchors: [{ id: "deleted", status: "orphaned" }] });
  });

  const valid = { id: "s", exact: "committee", prefix: "The ", suffix: " met", start: 4, end: 13 };
  const task = (selectors: unknown[]) => ({ tasks: [{ id: "t", oldText, newText, selectors }] });
  const badInputs: Array<{ name: string; content: string; problem: RegExp }> = [
    { name: "text that is not JSON", content: "{ tasks: [", problem: /is not JSON/ },
    { name: "a job without tasks", content: JSON.stringify({ jobs: [] }), problem: /tasks/ },
    { name: "an empty quote", content: JSON.stringify(task([{ ...valid, exact: "" }])), problem: /tasks\[0\]\.selectors\[0\]\.exact: exact must not be empty/ },
    { name: "a range past the end of oldText", content: JSON.stringify(task([{ ...valid, end: 9999 }])), problem: /selectors\[0\]\.end: end 9999 is past the end of oldText/ },
    { name: "a reversed range", content: JSON.stringify(task([{ ...valid, start: 9, end: 4 }])), problem: /selectors\[0\]\.end: end must be greater than start/ },
    { name: "a fractional offset", content: JSON.stringify(task([{ ...valid, start: 1.5 }])), problem: /selectors\[0\]\.start: start must be an integer/ },
    { name: "duplicate selector ids", content: JSON.stringify(task([valid, valid])), problem: /selectors\[1\]\.id: duplicate selector id "s"/ },
    { name: "a missing newText", content: JSON.stringify({ tasks: [{ id: "t", oldText, selectors: [] }] }), problem: /tasks\[0\]\.newText/ },
  ];
  for (const bad of badInputs) {
    it(`rejects ${bad.name} with exit code 2, one line naming the problem, and no output`, async () => {
      const input = path.join(dir, "bad.json");
      const output = path.join(dir, `never-${bad.name.replace(/\W+/g, "-")}.json`);
      await writeFile(input, bad.content);
      const { code, stderr } = await attestAnchor(["--input", input, "--output", output]);
      expect(code).toBe(2);
      expect(stderr).toMatch(bad.problem);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(existsSync(output)).toBe(false);
    });
  }

  const badArguments: Array<{ name: string; args: string[]; problem: RegExp }> = [
    { name: "a missing --output", args: ["--input", "job.json"], problem: /usage: attest anchor/ },
    { name: "an unknown argument", args: ["--input", "a", "--output", "b", "--fast"], problem: /unknown argument "--fast"/ },
    { name: "an input file that does not exist", args: ["--input", "/nonexistent/job.json", "--output", "/tmp/x.json"], problem: /cannot read \/nonexistent\/job\.json/ },
  ];
  for (const bad of badArguments) {
    it(`rejects ${bad.name} with exit code 2`, async () => {
      const { code, stderr } = await attestAnchor(bad.args);
      expect(code).toBe(2);
      expect(stderr).toMatch(bad.problem);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }
});
