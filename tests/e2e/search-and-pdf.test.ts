// Attaching a PDF source, then finding its words and the briefing's claims through search.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

describe("PDF sources and search in the browser", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    });
    await signUp(page, app.url, { name: "Pia Pdf", email: "pia@example.test" });
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    dossierUrl = page.url();
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("attaches a PDF as a source and shows its headings and paragraphs", async () => {
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    await dialog.getByRole("tab", { name: "File" }).click();
    await dialog.locator("input[type=file]").setInputFiles(path.resolve("tests/fixtures/pdf/border-report.pdf"));
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 60_000 });
    const tab = page.locator("[data-source-tab]", { hasText: "Border report" });
    await tab.waitFor();
    await tab.click();
    const text = page.locator("[data-source-scroll]:visible");
    await expect(text.locator("h2", { hasText: "Border Security Report" }).count()).resolves.toBe(1);
    await expect(text.locator("p", { hasText: "Analysts counted 140 shipments" }).count()).resolves.toBe(1);
  });

  it("refuses a scanned PDF with a message saying what to do, and attaches nothing", async () => {
    const tabs = await page.locator("[data-source-tab]").count();
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    await dialog.getByRole("tab", { name: "File" }).click();
    await dialog.locator("input[type=file]").setInputFiles(path.resolve("tests/fixtures/pdf/scanned.pdf"));
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    await expect(dialog.getByRole("alert").innerText()).resolves.toContain("no text layer");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.locator("[data-source-tab]").count()).toBe(tabs);
  });

  it("finds a word of the PDF from the header and opens the reader at its paragraph", async () => {
    await page.getByRole("searchbox", { name: "Search all dossiers" }).fill("shipment");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=shipment/);
    const hit = page.locator('[data-search-hit="source"]', { hasText: "Border report" });
    await expect(hit.locator("mark").first().innerText()).resolves.toBe("shipments");
    await page.screenshot({ path: "tmp/search.png" });
    await hit.click();
    await page.waitForURL(/document=.*&at=\d+/);
    const tab = page.locator("[data-source-tab]", { hasText: "Border report" });
    await expect.poll(() => tab.getAttribute("data-state")).toBe("active");
    const paragraph = page.locator("[data-source-scroll]:visible p", { hasText: "Analysts counted 140 shipments" });
    await expect.poll(() => paragraph.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const pane = el.closest("[data-source-scroll]")!.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    })).toBe(true);
  });

  it("opens a claim found by search as the active claim", async () => {
    await page.goto(`${app.url}/search?q=${encodeURIComponent('"140 analysts"')}`);
    const hit = page.locator('[data-search-hit="claim"]').first();
    await hit.click();
    await page.waitForURL(/claim=/);
    const active = page.locator('[data-pane="briefing"] [data-claim-id][aria-current="true"]').first();
    await expect(active.innerText()).resolves.toContain("140 analysts");
    expect(page.url().startsWith(dossierUrl)).toBe(true);
  });

  it("says when nothing matches, and never ran into a server error", async () => {
    await page.goto(`${app.url}/search?q=zyzzyva`);
    await expect(page.getByRole("status").innerText()).resolves.toContain("Nothing matches");
    expect(problems).toEqual([]);
  });
});
