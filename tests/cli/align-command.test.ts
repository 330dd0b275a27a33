// Specifies `attest align`: a job file in, a result file out; bad input is refused with exit code 2.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function runAlign(job: unknown | string) {
  const dir = mkdtempSync(path.join(tmpdir(), "attest-align-"));
  const input = path.join(dir, "job.json");
  const output = path.join(dir, "result.json");
  writeFileSync(input, typeof job === "string" ? job : JSON.stringify(job));
  const run = spawnSync(process.execPath, ["cli/run.mjs", "align", "--input", input, "--output", output], { cwd: root, encoding: "utf8" });
  return { ...run, output };
}

describe("attest align", () => {
  it("writes one result per task and claim in the scorer's contract", () => {
    const job = {
      tasks: [
        {
          id: "t1",
          sources: [{ id: "a", text: "The bridge will close in May. Repairs will cost 4 million dollars." }],
          claims: [
            { id: "c1", text: 'Repairs to the bridge will cost "4 million dollars".' },
            { id: "c2", text: "The stadium hosts a concert." },
          ],
        },
      ],
    };
    const run = runAlign(job);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(run.output, "utf8"));
    expect(result.tasks).toHaveLength(1);
    const [c1, c2] = result.tasks[0].claims;
    expect(c1).toMatchObject({ id: "c1", verdict: expect.stringMatching(/^(supported|partial)$/) });
    // The best span holds the sentence on the cost (alone, or in a run with the one on the bridge).
    expect(c1.candidates[0].sourceId).toBe("a");
    expect(c1.candidates[0].start).toBeLessThanOrEqual(30);
    expect(c1.candidates[0].end).toBe(66);
    expect(c1.quotes[0]).toMatchObject({ text: "4 million dollars", status: "verbatim", sourceId: "a" });
    expect(c2).toMatchObject({ id: "c2", verdict: "unsupported" });
    expect(c2.support).toBeGreaterThanOrEqual(0);
  }, 30_000);

  const bad = [
    { name: "a job without tasks", job: { jobs: [] } },
    { name: "a claim without text", job: { tasks: [{ id: "t", sources: [], claims: [{ id: "c" }] }] } },
    { name: "two sources with one id", job: { tasks: [{ id: "t", sources: [{ id: "a", text: "x" }, { id: "a", text: "y" }], claims: [] }] } },
    { name: "a file that is not JSON", job: "{ tasks: nope" },
  ];
  for (const { name, job } of bad) {
    it(`refuses ${name} with one line on stderr, exit 2 and no output`, () => {
      const run = runAlign(job);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^attest align: /);
      expect(existsSync(run.output)).toBe(false);
    }, 30_000);
  }
});
