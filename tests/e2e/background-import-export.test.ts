// Imports and exports run as background jobs: with both thresholds at 0 every pasted source, new
// version and export is queued, and the reader shows the result without a reload once the job ends.
import { mkdirSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

const PASTED = [
  "Harbour freight report",
  "",
  "Customs officers in Manzanillo inspected 1,240 containers in the first week of March.",
  "",
  "The port authority said the new scanners cut the average inspection to eleven minutes.",
].join("\n");

interface JobRow {
  id: string;
  kind: string;
  label: string;
  state: string;
  file: { url: string; filename: string; bytes: number } | null;
  document: { documentId: string; versionId: string } | null;
}

interface DossierRow {
  sources: { id: string; title: string; text: string; versionId: string; versionNumber: number }[];
  claims: { id: string }[];
  links: { id: string; claimId: string; documentId: string; versionId: string; onLatestVersion: boolean; start: number; end: number; exact: string; state: string; anchorStatus: string; revision: number }[];
}

describe("imports and exports as background jobs in the reader", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;
  let dossierId: string;
  const problems: string[] = [];

  const jobs = async () => ((await (await page.request.get(`${app.url}/api/v1/dossiers/${dossierId}/jobs`)).json()) as { jobs: JobRow[] }).jobs;
  const dossier = async () => (await (await page.request.get(`${app.url}/api/v1/dossiers/${dossierId}`)).json()) as DossierRow;

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    // Every import (pasted text of any size) and every export (any number of claims) is queued.
    app = await startApp({ env: { IMPORT_SYNC_BYTES: "0", EXPORT_SYNC_ITEMS: "0" } });
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    });
    await signUp(page, app.url, { name: "Ina Imports", email: "ina@example.test" });
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    dossierUrl = page.url();
    dossierId = new URL(dossierUrl).pathname.split("/").pop()!;
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("imports pasted text in a job, then shows the new source's tab and text without a reload", async () => {
    const navigations: string[] = [];
    const onNavigation = (frame: { url(): string }) => navigations.push(frame.url());
    page.on("framenavigated", onNavigation);
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    await dialog.getByLabel("Text", { exact: true }).fill(PASTED);
    await dialog.getByLabel("Title (optional)").fill("Harbour freight report");
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 30_000 });
    // The answer is a queued job, said as such (the notice, and the strip while the job runs).
    await expect.poll(() => page.locator("[data-notice]").innerText()).toBe(
      "The source is being imported in the background: its progress shows above the reader, and it appears when it is ready.",
    );
    // The job may end before the strip is drawn: the picture is taken only if it is caught.
    const strip = page.locator("[data-jobs] [data-job-id]", { hasText: "Importing Harbour freight report" });
    if (await strip.waitFor({ timeout: 2_000 }).then(() => true, () => false)) await page.screenshot({ path: "tmp/import-job.png" });

    const tab = page.locator("[data-source-tab]", { hasText: "Harbour freight report" });
    await tab.waitFor({ timeout: 60_000 });
    const documentId = (await tab.getAttribute("data-source-tab"))!;
    await tab.click();
    await expect.poll(() => page.locator(`[data-source-text="${documentId}"]`).innerText()).toContain("inspected 1,240 containers");

    const imports = (await jobs()).filter((j) => j.kind === "import");
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ state: "done", label: "Importing Harbour freight report", document: { documentId } });
    expect(navigations).toEqual([]);
    page.off("framenavigated", onNavigation);
  });

  it("queues a CSV export from the Export menu and downloads it when the job ends, offering the link in the strip", async () => {
    const claims = await page.locator('[data-pane="briefing"] [data-claim-id]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute("data-claim-id"))).size);
    await page.getByRole("button", { name: "Export" }).click();
    const menu = page.getByRole("dialog", { name: "Export" });
    const downloaded = page.waitForEvent("download", { timeout: 60_000 });
    await menu.getByRole("button", { name: /Spreadsheet \(CSV\)/ }).click();
    // Queued rather than written in the request: the menu says the file comes when it is ready.
    await expect.poll(() => menu.locator("[data-export-status]").innerText()).toMatch(/runs in the background .* downloads when it is ready/);
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe("fentanyl-crisis.csv");
    const rows = parse(readFileSync((await download.path())!, "utf8"), { bom: true }) as string[][];
    expect(rows[0].slice(0, 3)).toEqual(["Section", "Claim", "Verdict"]);
    expect(rows).toHaveLength(claims + 1);

    const offer = page.locator("[data-jobs] [role=status]").getByRole("link", { name: "download fentanyl-crisis.csv" });
    await offer.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: "tmp/export-ready.png" });
    await expect(page.locator("[data-jobs] [role=status]").innerText()).resolves.toMatch(/^Export ready: download fentanyl-crisis\.csv \(\d+ KB\)\.$/);
    const [exportJob] = (await jobs()).filter((j) => j.kind === "export");
    expect(exportJob).toMatchObject({ state: "done", file: { filename: "fentanyl-crisis.csv" } });
    await expect(offer.getAttribute("href")).resolves.toBe(exportJob.file!.url);
    await page.keyboard.press("Escape");
  });

  it("stores a new version of a source in a job from the new-version page, and re-anchors its accepted link", async () => {
    const before = await dossier();
    const post = before.sources.find((s) => s.title.startsWith("Fentanyl Crisis"))!;
    // An accepted link into the post, which must follow the text into the new version.
    const suggested = before.links.find((l) => l.documentId === post.id && l.state === "suggested")!;
    const accepted = await page.request.post(`${app.url}/api/v1/links/${suggested.id}/decision`, {
      data: { state: "accepted", verdict: "supports", revision: suggested.revision },
      headers: { origin: app.url },
    });
    expect(accepted.status()).toBe(200);

    const old = "Last week some of you read my post";
    const edit = "Last week a good many of you read my post";
    expect(post.text).toContain(old);
    await page.goto(`${app.url}/documents/${post.id}/new-version`);
    await page.getByLabel("New version text").fill(post.text.replace(old, edit));
    await page.getByRole("button", { name: "Store new version" }).click();
    await page.waitForURL(dossierUrl, { timeout: 30_000 });
    // As with the new source, the strip is pictured only if the job is still running when the reader is drawn.
    const strip = page.locator("[data-jobs] [data-job-id]", { hasText: "Importing a new version of Fentanyl Crisis" });
    if (await strip.waitFor({ timeout: 2_000 }).then(() => true, () => false)) await page.screenshot({ path: "tmp/version-job.png" });

    const tab = page.locator(`[data-source-tab="${post.id}"]`);
    await tab.click();
    const pane = page.locator(`[data-source-scroll="${post.id}"]`);
    await expect.poll(() => pane.innerText(), { timeout: 60_000 }).toContain(edit);
    await expect(pane.innerText()).resolves.toMatch(/version 2/i);

    const versions = (await jobs()).filter((j) => j.kind === "import");
    expect(versions[0]).toMatchObject({ state: "done", document: { documentId: post.id } });
    const after = await dossier();
    const source = after.sources.find((s) => s.id === post.id)!;
    expect(source.versionNumber).toBe(2);
    const link = after.links.find((l) => l.id === suggested.id)!;
    expect(link).toMatchObject({ state: "accepted", anchorStatus: "anchored", onLatestVersion: true, versionId: source.versionId, exact: suggested.exact });
    // The passage moved by as much as the edit before it lengthened the text.
    const shift = suggested.start > post.text.indexOf(old) ? edit.length - old.length : 0;
    expect(link.start).toBe(suggested.start + shift);
    expect(source.text.slice(link.start, link.end)).toBe(suggested.exact);
  });

  it("refuses a URL to a loopback address at once, in the dialog, and queues no job", async () => {
    const jobsBefore = (await jobs()).map((j) => j.id);
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    await dialog.getByRole("tab", { name: "URL" }).click();
    await dialog.getByLabel("Address of a public page").fill("http://127.0.0.1:9/internal");
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    const alert = dialog.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    await expect(alert.innerText()).resolves.toMatch(/127\.0\.0\.1.*private or reserved address/);
    await page.screenshot({ path: "tmp/import-refused.png" });
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect((await jobs()).map((j) => j.id)).toEqual(jobsBefore);
    expect(await page.locator("[data-jobs] [data-job-id]").count()).toBe(0);
    await page.keyboard.press("Escape");
    expect(problems).toEqual([]);
  });
});
