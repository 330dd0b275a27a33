// Suggestions computed by a background job: with the budget at 0 every refresh is queued, and the
// reader shows the job's progress strip, then the suggestions, without a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

// A long report (about 40,000 words), so that each batch of the job takes a visible moment.
const PASTED = [
  "Border report",
  "",
  "The Pentagon has created a special intelligence task force of 140 analysts to analyze surveillance data.",
  "",
  "The Mexican government has deployed 10,000 troops to the border to combat smuggling.",
  ...Array.from({ length: 2000 }, (_, i) => `\nOn day ${i + 1} of the talks, delegates from ${["Ottawa", "Lima", "Quito", "Bogota"][i % 4]} discussed harbour fees, rail freight and the price of grain in session ${i * 7}.`),
].join("\n");

declare global {
  interface Window {
    seenProgress: { now: number; max: number; label: string }[];
  }
}

describe("background jobs in the reader", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    // Every refresh goes to the queue, one claim per batch, so the job takes a visible while.
    app = await startApp({ env: { SUGGESTION_SYNC_BUDGET: "0", SUGGESTION_BATCH_SIZE: "1" } });
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    });
    // Every state of every progress bar, however briefly it was shown.
    await page.addInitScript(() => {
      window.seenProgress = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll("[role=progressbar]")) {
          const entry = { now: Number(el.getAttribute("aria-valuenow")), max: Number(el.getAttribute("aria-valuemax")), label: el.getAttribute("aria-label") ?? "" };
          const last = window.seenProgress.at(-1);
          if (!last || last.now !== entry.now || last.max !== entry.max) window.seenProgress.push(entry);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
    });
    await signUp(page, app.url, { name: "Jo Jobs", email: "jo@example.test" });
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows a progress strip while a job suggests spans, then the suggestions, without a reload", async () => {
    const claims = await page.locator('[data-pane="briefing"] [data-claim-id]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute("data-claim-id"))).size);
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => navigations.push(frame.url()));
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    // Uploaded rather than typed: filling a textarea with 250 KB takes the browser too long.
    await dialog.getByRole("tab", { name: "File" }).click();
    await dialog.locator("input[type=file]").setInputFiles({ name: "border-report.txt", mimeType: "text/plain", buffer: Buffer.from(PASTED) });
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 60_000 });
    // The attach answered before any suggestion exists: it says so rather than "0 found".
    await expect.poll(() => page.getByText("Source attached; suggestions are being computed in the background and appear as they land.").count()).toBe(1);

    const bar = page.getByRole("progressbar", { name: /Suggesting spans for \d+ claims/ });
    await expect.poll(() => page.evaluate(() => window.seenProgress.length), { timeout: 30_000 }).toBeGreaterThan(0);
    if ((await bar.count()) > 0) await page.screenshot({ path: "tmp/job-progress.png" });
    const tab = page.locator("[data-source-tab]", { hasText: /border.report/i });
    await tab.click();
    const marks = page.locator("[data-source-scroll]:visible mark");
    await expect.poll(() => marks.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await bar.waitFor({ state: "detached", timeout: 60_000 });
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Suggestions are ready" }).count()).toBe(1);

    const seen = await page.evaluate(() => window.seenProgress);
    expect(seen[0].label).toBe(`Suggesting spans for ${claims} claims`);
    expect(seen.every((s) => s.max === claims && s.now <= s.max)).toBe(true);
    // The bar only moves forward, batch by batch.
    expect(seen.map((s) => s.now)).toEqual([...seen.map((s) => s.now)].sort((a, b) => a - b));
    expect(navigations).toEqual([]);
    expect(problems).toEqual([]);
  });
});
