import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

const require = createRequire(import.meta.url);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page and returns the serious and critical violations, described in one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ")}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ""}`);
}

describe("accessibility (axe-core)", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("finds nothing serious on the home page signed out", async () => {
    await page.goto(app.url);
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the home page signed in", async () => {
    await signUp(page, app.url, { name: "Ada Access", email: "ada@example.test" });
    await page.goto(app.url);
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the dossier page, with a claim and its evidence open", async () => {
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    const claim = page.locator('[data-pane="briefing"] [data-claim-id]').first();
    await claim.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await claim.click();
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious while the briefing is edited", async () => {
    await page.getByRole("button", { name: "Edit briefing" }).click();
    await page.locator("[data-briefing-editor]").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
