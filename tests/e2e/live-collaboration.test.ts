// Two reviewers in one dossier, each in a browser of their own: each sees the other's presence and
// the claim they look at, and a verdict one accepts appears for the other without a reload.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "./start-app.ts";
import { openTwoPeople, type Person, type TwoPeople } from "./two-people.ts";

describe("live collaboration", () => {
  let people: TwoPeople;
  let app: RunningApp;
  let ada: Person;
  let grace: Person;
  let dossierPath: string;
  const errors: string[] = [];

  const claim = (page: Page, id: string) => page.locator(`[data-pane="briefing"] [data-claim-id="${id}"]`).first();

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    people = await openTwoPeople("reviewer", errors);
    ({ app, ada, grace, dossierPath } = people);
  });

  afterAll(async () => people?.close());

  it("shows each reviewer the other, and marks the claim the other looks at", async () => {
    const firstClaim = await ada.page.locator('[data-pane="briefing"] [data-claim-id]').first().getAttribute("data-claim-id");
    await claim(ada.page, firstClaim!).click();
    await grace.page.locator('[data-presence] [data-viewer]').waitFor({ timeout: 15_000 });
    expect(await grace.page.locator("[data-presence]").getAttribute("aria-label")).toBe("Also here: Ada Lovelace");
    await grace.page.waitForFunction((id) => document.querySelector(`[data-claim-id="${id}"]`)?.getAttribute("data-viewers") === "AL", firstClaim);
    await ada.page.locator('[data-presence] [data-viewer]').waitFor({ timeout: 15_000 });
    expect(await ada.page.locator("[data-presence]").getAttribute("aria-label")).toBe("Also here: Grace Hopper");
    await grace.page.screenshot({ path: "tmp/live-presence.png" });
  });

  it("shows a verdict Ada accepts in Grace's reader without a reload, within about a second", async () => {
    const view = (await ada.page.evaluate(async (path) => (await fetch(`/api/v1${path.replace(/^\/dossiers/, "/dossiers")}`)).json(), dossierPath)) as {
      links: { id: string; claimId: string; state: string }[];
    };
    const suggested = view.links.find((l) => l.state === "suggested");
    expect(suggested, "the example dossier has a suggested link").toBeTruthy();
    const claimId = suggested!.claimId;
    expect(await claim(grace.page, claimId).getAttribute("data-state")).toBe("suggested");
    const navigations: string[] = [];
    grace.page.on("framenavigated", (frame) => navigations.push(frame.url()));

    await claim(ada.page, claimId).click();
    await ada.page.locator(`[data-pane="evidence"] article[data-link-id="${suggested!.id}"]`).waitFor();
    const accepted = Date.now();
    await ada.page.keyboard.press("a");
    await grace.page.waitForFunction((id) => document.querySelector(`[data-pane="briefing"] [data-claim-id="${id}"]`)?.getAttribute("data-state") === "backed", claimId, {
      timeout: 10_000,
      polling: 10,
    });
    console.log(`verdict seen by the other reviewer ${Date.now() - accepted} ms after the key press`);
    expect(navigations).toEqual([]);
    expect(await claim(ada.page, claimId).getAttribute("data-state")).toBe("backed");
    await grace.page.screenshot({ path: "tmp/live-verdict.png" });
  });

  it("forgets a reviewer who leaves", async () => {
    await grace.page.goto(`${app.url}/`);
    await ada.page.waitForFunction(() => !document.querySelector("[data-presence]"), undefined, { timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});
