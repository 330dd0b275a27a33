// The reader's Export menu downloads the dossier, and the report page prints to a clean PDF.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

describe("exports in the browser", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;
  let claims: number;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    // The first account owns the example dossier.
    await signUp(page, app.url, { name: "Eve Exporter", email: "eve@example.test" });
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    dossierUrl = page.url();
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
    claims = await page.evaluate(() => new Set([...document.querySelectorAll("[data-pane=briefing] [data-claim-id]")].map((e) => e.getAttribute("data-claim-id"))).size);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("offers the downloads and the report from the reader's Export menu, and downloads a CSV of every claim", async () => {
    await page.getByRole("button", { name: "Export" }).click();
    const menu = page.getByRole("dialog", { name: "Export" });
    await expect(menu.locator("[data-export]").evaluateAll((items) => items.map((item) => item.getAttribute("data-export")))).resolves.toEqual(["csv", "md", "jsonld", "report"]);
    await page.screenshot({ path: "tmp/export-menu.png" });
    const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("button", { name: /Spreadsheet \(CSV\)/ }).click()]);
    expect(download.suggestedFilename()).toBe("fentanyl-crisis.csv");
    const rows = parse(readFileSync((await download.path())!, "utf8"), { bom: true }) as string[][];
    expect(rows[0].slice(0, 3)).toEqual(["Section", "Claim", "Verdict"]);
    expect(rows).toHaveLength(claims + 1);
    await page.keyboard.press("Escape");
  });

  it("imports its own Web Annotation export back from the Export menu, adding nothing twice, and refuses a file that is not JSON", async () => {
    await page.getByRole("button", { name: "Export" }).click();
    const menu = page.getByRole("dialog", { name: "Export" });
    const [download] = await Promise.all([page.waitForEvent("download"), menu.getByRole("button", { name: "Web Annotations (JSON-LD)" }).click()]);
    const exported = (await download.path())!;
    const picker = menu.getByLabel("Import Web Annotations…");
    await picker.setInputFiles(exported);
    const result = menu.locator("[data-import-result]");
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toMatch(/^Imported: 0 links made, \d+ links? brought up to date, 0 notes made/);
    await page.screenshot({ path: "tmp/import-result.png" });
    await picker.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an export") });
    await expect.poll(() => menu.getByRole("alert").innerText()).toBe("notes.txt is not JSON: choose a Web Annotation export (.jsonld).");
    await picker.setInputFiles({ name: "other.jsonld", mimeType: "application/ld+json", buffer: Buffer.from('{"type":"Nothing"}') });
    await expect.poll(() => menu.getByRole("alert").innerText()).toMatch(/^Nothing was imported: /);
    await page.keyboard.press("Escape");
  });

  it("shows the report: coverage first, then every claim with its state", async () => {
    await page.goto(`${dossierUrl}/report`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Fentanyl Crisis: US Military Response and Consequences");
    await expect(page.locator("#report-coverage").innerText()).resolves.toMatch(new RegExp(`^Coverage: \\d+ of ${claims} claims backed`));
    await expect(page.locator(".report-claim").count()).resolves.toBe(claims);
    await expect(page.locator('.report-claim[data-claim-state="unbacked"]').first().innerText()).resolves.toContain("Not found in the attached sources");
    await page.screenshot({ path: "tmp/report-screen.png", fullPage: false });
  });

  it("prints without the app's header or buttons, to a PDF of several pages", async () => {
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      ["body > header", ".report-actions", 'a[href="#main"]'].map((selector) => {
        const el = document.querySelector<HTMLElement>(selector);
        return el ? getComputedStyle(el).display : "absent";
      }),
    );
    expect(hidden).toEqual(["none", "none", "none"]);
    await expect(page.locator(".report-claim").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: "tmp/report-print.png" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync("tmp/report.pdf", pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
    await page.emulateMedia({ media: "screen" });
    // The one refusal asked for: the import of a file that is not an export.
    expect(errors.filter((e) => !/^400 .*\/import$/.test(e))).toEqual([]);
    expect(errors.filter((e) => /^400 .*\/import$/.test(e))).toHaveLength(1);
  });
});
