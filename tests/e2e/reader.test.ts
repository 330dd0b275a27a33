import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";

declare function activeText(): string;
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";
import { watchRequests } from "./watch-requests.ts";

const TROOPS = "The Mexican government has deployed 10,000 troops to the border to combat smuggling.";
const PASTED = [
  "Border report",
  "",
  "Officials met in Mexico City on Tuesday to discuss trade and security along the frontier.",
  "",
  `${TROOPS} The deployment was announced after weeks of talks.`,
  "",
  "Analysts said the talks would continue into the spring.",
].join("\n");

describe("the reader", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;
  let network: ReturnType<typeof watchRequests>;
  const consoleErrors: string[] = [];
  /** Addresses whose failure a test provokes on purpose. */
  const expectedFailures: string[] = [];

  const briefing = () => page.locator('[data-pane="briefing"]');
  const claimWith = (text: string) => briefing().locator("[data-claim-id]", { hasText: text }).first();
  const coverageCount = async (state: string) => Number((await page.locator(`[data-coverage="${state}"] .font-semibold`).innerText()).trim());
  /** Milliseconds from a click on the claim until the active mark sits inside its scrolled source. */
  const clickAndTimeJump = (claimText: string) =>
    page.evaluate(async (text) => {
      const claim = [...document.querySelectorAll<HTMLElement>("[data-pane=briefing] [data-claim-id]")].find((el) => el.textContent!.includes(text))!;
      const t0 = performance.now();
      claim.click();
      await Promise.resolve();
      const mark = document.querySelector<HTMLElement>("mark.hl.is-active");
      const scroller = mark?.closest<HTMLElement>("[data-source-scroll]");
      const elapsed = performance.now() - t0;
      if (!mark || !scroller) return { elapsed, inView: false };
      const m = mark.getBoundingClientRect();
      const s = scroller.getBoundingClientRect();
      return { elapsed, inView: m.top >= s.top && m.bottom <= s.bottom && m.height > 0 };
    }, claimText);

  /** Selects the first `length` characters of the source paragraph containing `words`, as a mouse would. */
  const chooseText = (words: string, length: number) =>
    page.evaluate(
      ([words, length]) => {
        const body = document.querySelector<HTMLElement>("[data-source-text]")!;
        const paragraph = [...body.querySelectorAll<HTMLElement>("p[data-block-start]")].find((p) => (p.textContent ?? "").includes(words))!;
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        const first = walker.nextNode() as Text;
        let last = first;
        let left = length;
        for (let node: Text | null = first; node; node = walker.nextNode() as Text | null) {
          last = node;
          if (node.length >= left) break;
          left -= node.length;
        }
        const range = document.createRange();
        range.setStart(first, 0);
        range.setEnd(last, Math.min(left, last.length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        paragraph.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return range.toString();
      },
      [words, length] as const,
    );

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    network = watchRequests(page);
    // The text of the active passage, which overlapping highlights may cut into several marks.
    await page.addInitScript(() => {
      (window as unknown as { activeText: () => string }).activeText = () =>
        [...document.querySelectorAll<HTMLElement>("mark.hl.is-active")].map((m) => m.textContent).join("");
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${message.text()} at ${message.location().url}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    page.on("response", (response) => {
      if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
    });
    // The first account owns the example dossier.
    await signUp(page, app.url, { name: "Rita Reader", email: "rita@example.test" });
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    dossierUrl = page.url();
    await briefing().locator("[data-claim-id]").first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows every claim's state in the coverage bar and filters the briefing by a segment", async () => {
    const states = ["backed", "partial", "contradicted", "suggested", "unbacked", "unreviewed"];
    const counts = Object.fromEntries(await Promise.all(states.map(async (s) => [s, await coverageCount(s)] as const)));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(41);
    expect(counts.unbacked).toBeGreaterThan(30);
    expect(await briefing().locator("[data-claim-id]").count()).toBe(41);

    await page.locator('[data-coverage="unbacked"]').click();
    await expect(page.locator('[data-coverage="unbacked"]').getAttribute("aria-pressed")).resolves.toBe("true");
    expect(await briefing().locator('[data-claim-id][data-state="unbacked"]:not([data-dim])').count()).toBe(counts.unbacked);
    expect(await briefing().locator("[data-claim-id]:not([data-dim])").count()).toBe(counts.unbacked);

    await page.locator('[data-coverage="unbacked"]').click();
    expect(await briefing().locator("[data-claim-id]").count()).toBe(41);
    expect(await briefing().locator("[data-claim-id][data-dim]").count()).toBe(0);
  });

  it("opens the keys sheet with ? and gives focus back when it closes", async () => {
    await claimWith("140 analysts").focus();
    await page.keyboard.press("?");
    const sheet = page.getByRole("dialog", { name: "Keys" });
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain("Next / previous claim");
    await page.screenshot({ path: "tmp/reader-keys.png" });
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("140 analysts");
  });

  it("attaches a pasted source, shows the claim it suggests, chooses it with 1, accepts it with A, and keeps it after a reload", async () => {
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    await dialog.locator("textarea[name=text]").fill(PASTED);
    await dialog.locator("input[name=title]").fill("Border report");
    await page.screenshot({ path: "tmp/reader-attach.png" });
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 60_000 });
    await page.locator("[data-source-tab]", { hasText: "Border report" }).waitFor();

    const claim = claimWith("10,000 troops");
    await expect(claim.getAttribute("data-state")).resolves.toBe("suggested");

    // Away from the new tab first, so the click has to switch tabs and scroll.
    await page.locator("[data-source-tab]").first().click();
    const jump = await clickAndTimeJump("10,000 troops");
    console.log(`click-to-span: ${jump.elapsed.toFixed(1)} ms`);
    expect(jump.inView).toBe(true);
    expect(jump.elapsed).toBeLessThan(100);
    const tab = page.locator("[data-source-tab]", { hasText: "Border report" });
    await expect(tab.getAttribute("data-state")).resolves.toBe("active");
    const mark = page.locator("mark.hl.is-active");
    expect(await mark.innerText()).toContain("10,000 troops");
    expect(await mark.getAttribute("class")).toContain("hl-suggested");
    // The evidence panel follows the active claim a moment later (a deferred render): wait for it.
    await expect.poll(() => page.locator('[data-pane="evidence"]').innerText()).toMatch(/Suggested \(\d+%\)/);

    // The contract for automated checks: claims carry data-claim-id, highlights are
    // <mark data-link-id>, and the active claim's span says aria-current="true".
    await expect(claim.getAttribute("aria-current")).resolves.toBe("true");
    expect(await briefing().locator('[data-claim-id][aria-current="true"]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute("data-claim-id"))).size)).toBe(1);
    const card = page.locator('[data-pane="evidence"] article[aria-current="true"]');
    const linkId = await card.getAttribute("data-link-id");
    expect(linkId).toBeTruthy();
    expect(await page.locator(`[data-source-text] mark[data-link-id="${linkId}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator("[data-source-text] mark:not([data-link-id])").count()).toBe(0);

    await page.keyboard.press("1");
    await page.waitForFunction((id) => document.activeElement?.closest("article")?.getAttribute("data-link-id") === id, linkId);
    await page.keyboard.press("a");
    await page.waitForFunction(() => document.querySelector("mark.hl.is-active")?.classList.contains("hl-supports"));
    await page.waitForFunction(() => document.querySelector("[data-announce]")?.textContent?.includes("Accepted as supports"));
    await expect(claim.getAttribute("data-state")).resolves.toBe("backed");
    await expect(page.locator("[data-claim-status]").innerText()).resolves.toContain("Backed by 1 passage");
    await network.settled();

    await page.reload();
    await claimWith("10,000 troops").waitFor();
    await expect(claimWith("10,000 troops").getAttribute("data-state")).resolves.toBe("backed");
    expect(await coverageCount("backed")).toBeGreaterThanOrEqual(1);
  });

  it("links a passage chosen by hand as evidence for the active claim", async () => {
    const claim = claimWith("140 analysts");
    const before = await claim.getAttribute("data-state");
    expect(before).not.toBe("backed");
    await claim.click();
    await page.locator("[data-source-tab]").first().click();
    const chosen = await chooseText("Sheinbaum", 40);
    const button = page.getByRole("button", { name: /Link as evidence/ });
    await button.waitFor();
    await page.screenshot({ path: "tmp/reader-link-by-hand.png" });
    await button.click();
    await page.waitForFunction(() => document.querySelector("mark.hl.is-active:not([data-links^='pending'])"));
    await expect(claim.getAttribute("data-state")).resolves.toBe("backed");
    expect((await page.locator("mark.hl.is-active").first().innerText()).trim()).toBe(chosen.trim());
    await network.settled();
    await page.reload();
    await expect(claimWith("140 analysts").getAttribute("data-state")).resolves.toBe("backed");

    // Adjust the ends: choose a longer stretch while the claim's manual link is active.
    await claimWith("140 analysts").click();
    const longer = await chooseText("Sheinbaum", 70);
    await page.getByRole("button", { name: "Adjust ends" }).click();
    await page.waitForFunction((text) => activeText() === text, longer.trim());
    await network.settled();
    await page.reload();
    await claimWith("140 analysts").click();
    expect(await page.evaluate(() => activeText())).toBe(longer.trim());
  });

  it("opens a popover of the citing claims from a highlight, and steps with j and k", async () => {
    await page.locator("[data-source-tab]", { hasText: "Border report" }).click();
    await page.locator("mark.hl", { hasText: "10,000 troops" }).first().click();
    const popover = page.getByRole("dialog", { name: "Claims citing this passage" });
    await popover.waitFor();
    await popover.getByRole("button").first().click();
    await expect(page.locator("[data-pane=briefing] .claim.is-active").innerText()).resolves.toContain("10,000 troops");
    await page.keyboard.press("j");
    const next = await page.locator("[data-pane=briefing] .claim.is-active").innerText();
    expect(next).not.toContain("10,000 troops");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("claim"))).toBe(true);
    await page.keyboard.press("k");
    await expect(page.locator("[data-pane=briefing] .claim.is-active").innerText()).resolves.toContain("10,000 troops");
  });

  it("rolls back a decision someone else overtook, says so, and adopts their link", async () => {
    await expect(page.locator("[data-pane=briefing] .claim.is-active").innerText()).resolves.toContain("10,000 troops");
    const dossierId = new URL(dossierUrl).pathname.split("/").pop();
    // Someone else, in another tab, with the same account: the browser context's own requests.
    const view = (await (await page.request.get(`${app.url}/api/v1/dossiers/${dossierId}`)).json()) as {
      claims: { id: string; text: string }[];
      links: { id: string; claimId: string; state: string; revision: number }[];
    };
    const claimId = view.claims.find((c) => c.text.includes("10,000 troops"))!.id;
    const link = view.links.find((l) => l.claimId === claimId && l.state === "accepted")!;
    // The other tab's change lands just before this tab's request reaches the server, so this tab
    // sends a revision that is no longer current whether or not the live update has arrived yet.
    let elsewhere = 0;
    const decision = `${app.url}/api/v1/links/${link.id}/decision`;
    await page.route(decision, async (route) => {
      const response = await page.request.post(decision, {
        data: { state: "accepted", verdict: "partial", revision: link.revision },
        // A tab of the app sends its origin; a change with the session cookie and no Origin is refused.
        headers: { origin: app.url },
      });
      elsewhere = response.status();
      await route.continue();
    });
    expectedFailures.push(`/api/v1/links/${link.id}/decision`);

    // V moves the accepted passage to the next verdict, against a revision that is no longer current.
    await page.keyboard.press("v");
    await expect(page.locator("[data-notice]").innerText()).resolves.toMatch(/Someone changed this link meanwhile/);
    await page.unroute(decision);
    expect(elsewhere).toBe(200);
    await page.waitForFunction(() => document.querySelector("[data-pane=briefing] .claim.is-active")?.getAttribute("data-state") === "partial");
    await expect(page.locator("[data-claim-status]").innerText()).resolves.toContain("Partly backed");
  });

  it("narrows the briefing to the claims matching a search opened with /", async () => {
    await briefing().focus();
    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: /Search the briefing/ });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("10,000 troops");
    await page.waitForFunction(() => document.querySelectorAll("[data-pane=briefing] [data-claim-id]:not([data-dim])").length === 1);
    expect(await briefing().locator("[data-claim-id]:not([data-dim])").innerText()).toContain("10,000 troops");
    await page.keyboard.press("Enter");
    await expect(page.locator("[data-pane=briefing] .claim.is-active").innerText()).resolves.toContain("10,000 troops");
    await search.focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelectorAll("[data-pane=briefing] [data-claim-id][data-dim]").length === 0);
    expect(await search.inputValue()).toBe("");
  });

  it("marks a claim as not in the sources, keeps it after a reload, and undoes it with u", async () => {
    const claim = claimWith("Fentanyl labs emit detectable chemicals");
    await claim.click();
    const status = page.locator("[data-claim-status]");
    // The evidence panel follows the active claim a moment later (a deferred render): wait for it.
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain("Not found in the attached sources — attach one?");
    await page.getByRole("button", { name: "Mark not in sources" }).click();
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain("Marked as not in the attached sources");
    await network.settled();
    await page.reload();
    await claimWith("Fentanyl labs emit detectable chemicals").click();
    await expect(page.locator("[data-claim-status]").innerText()).resolves.toContain("Marked as not in the attached sources");
    await page.keyboard.press("u");
    await page.waitForFunction(() => document.querySelector("[data-claim-status]")?.textContent?.includes("attach one?"));
    await network.settled();
    await page.reload();
    await claimWith("Fentanyl labs emit detectable chemicals").click();
    await expect(page.locator("[data-claim-status]").innerText()).resolves.toContain("attach one?");
  });

  it("looks right in light and dark at 1440 and at 1024 wide", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(dossierUrl);
    await claimWith("10,000 troops").click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: "tmp/reader-1440-light.png" });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForTimeout(100);
    await page.screenshot({ path: "tmp/reader-1440-dark.png" });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1024, height: 768 });
    await claimWith("140 analysts").click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: "tmp/reader-1024.png" });
    const mark = await page.locator("mark.hl.is-active").first().boundingBox();
    const sheet = await page.locator(".evidence-dock").boundingBox();
    expect(mark && sheet && mark.y + mark.height <= sheet.y).toBe(true);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: "tmp/reader-768.png" });
  });

  it("logs no errors to the console", () => {
    // The app has no favicon yet; the browser's own request for it is not the reader's doing.
    const unexpected = consoleErrors.filter((e) => !e.endsWith("/favicon.ico") && !expectedFailures.some((url) => e.endsWith(url)));
    expect(unexpected).toEqual([]);
  });
});
