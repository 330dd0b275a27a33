// How a job is shown: its label, unit, current step, time left, and the file or document it produced.
import { describe, expect, it } from "vitest";
import { presentJob } from "@/server/jobs/present-job.ts";

const now = new Date("2026-11-30T12:00:00Z");
const base = {
  id: "6f1d2c1e-0000-4000-8000-000000000001",
  state: "running" as const,
  attempts: 1,
  error: null,
  createdAt: new Date("2026-11-30T11:59:00Z"),
  startedAt: new Date("2026-11-30T11:59:50Z"),
  finishedAt: null,
};

describe("presentJob", () => {
  it("names an import's step and counts it in steps, with the time left at the pace so far", () => {
    const reading = presentJob({ ...base, kind: "import", done: 0, total: 2, payload: { label: "Importing report.pdf" } }, now);
    expect(reading).toMatchObject({ label: "Importing report.pdf", unit: "steps", step: "Reading the input", etaSeconds: null, file: null, document: null });
    const storing = presentJob({ ...base, kind: "import", done: 1, total: 2, payload: { label: "Importing report.pdf" } }, now);
    expect(storing).toMatchObject({ step: "Storing it and re-anchoring", etaSeconds: 10 });
  });

  it("gives no step to a queued or ended job, nor to a suggestion job, which counts claims", () => {
    expect(presentJob({ ...base, state: "queued", kind: "export", done: 0, total: 2, payload: { label: "Exporting CSV" } }, now).step).toBeNull();
    const suggestions = presentJob({ ...base, kind: "suggestions", done: 40, total: 200 }, now);
    expect(suggestions).toMatchObject({ label: "Suggesting spans for 200 claims", unit: "claims", step: null, etaSeconds: 40 });
  });

  it("links a finished export's file for a day, then no more; a finished import names its document", () => {
    const finished = { ...base, state: "done" as const, done: 2, total: 2, finishedAt: new Date("2026-11-30T11:00:00Z") };
    const exported = presentJob({ ...finished, kind: "export", payload: { label: "Exporting CSV", format: "csv" }, result: { format: "csv", filename: "d.csv", bytes: 2048 } }, now);
    expect(exported.file).toEqual({ url: `/api/v1/jobs/${base.id}/file`, filename: "d.csv", bytes: 2048 });
    const old = presentJob({ ...finished, finishedAt: new Date("2026-11-29T11:00:00Z"), kind: "export", payload: { label: "Exporting CSV" }, result: { format: "csv", filename: "d.csv", bytes: 2048 } }, now);
    expect(old.file).toBeNull();
    const imported = presentJob({ ...finished, kind: "import", payload: { label: "Importing x" }, result: { documentId: "a", versionId: "b", suggestionsJobId: "c" } }, now);
    expect(imported.document).toEqual({ documentId: "a", versionId: "b" });
  });
});
