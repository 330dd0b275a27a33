// Two reviewers disagree on a claim and the owner decides: two-reviewer mode on the review desk,
// assignment, "my queue", blind verdicts in the reader, adjudication with a reason, and the
// claim's history showing every step.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

const PASSWORD = "correct horse battery staple";
const OWNER = { name: "Olivia Owner", email: "olivia@example.test" };
const ADA = { name: "Ada Reviewer", email: "ada@example.test" };
const BEN = { name: "Ben Reviewer", email: "ben@example.test" };

describe("the review workflow in two-reviewer mode", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierId: string;
  let claimId: string;
  let claimText: string;

  const signOut = async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).first().waitFor();
  };
  const signIn = async (person: { email: string }) => {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  };
  const desk = () => page.goto(`${app.url}/dossiers/${dossierId}/review`);
  const reviewSection = () => page.locator("[data-review-section]");

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    for (const person of [OWNER, ADA, BEN]) {
      await signUp(page, app.url, { ...person, password: PASSWORD });
      await signOut();
    }
    // There is no way to invite members from the app yet: with the app stopped, the test adds Ada
    // and Ben to the example workspace as reviewers directly in its database, then starts it again.
    await app.stop();
    const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir: app.dataDir }, { seed: false });
    try {
      const dossier = await prisma.dossier.findFirstOrThrow({ where: { workspace: { slug: "example" } } });
      dossierId = dossier.id;
      const claim = await prisma.claim.findFirstOrThrow({ where: { dossierId, retiredAt: null }, orderBy: { order: "asc" } });
      claimId = claim.id;
      claimText = claim.text;
      for (const email of [ADA.email, BEN.email]) {
        const user = await prisma.user.findUniqueOrThrow({ where: { email } });
        await prisma.membership.create({ data: { workspaceId: dossier.workspaceId, userId: user.id, role: "reviewer" } });
      }
    } finally {
      await prisma.$disconnect();
      await database.close();
    }
    app = await startApp({ dataDir: app.dataDir });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("lets the owner turn on two-reviewer mode and assign the claim to Ada", async () => {
    await signIn(OWNER);
    await desk();
    const mode = page.getByRole("checkbox", { name: "Two-reviewer mode" });
    await expect(mode.isChecked()).resolves.toBe(false);
    await mode.check();
    await page.getByText("A claim is settled only when two reviewers agree").waitFor();
    await page.getByRole("combobox", { name: "Assign claim 1", exact: true }).selectOption({ label: ADA.name });
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[aria-label="Assign claim 1"]')?.selectedOptions[0]?.textContent === "Ada Reviewer");
    await page.screenshot({ path: "tmp/review-desk.png", fullPage: false });
    await signOut();
  });

  it("puts the claim in Ada's queue; she opens it in the reader and gives her verdict", async () => {
    await signIn(ADA);
    await page.getByRole("link", { name: "My queue" }).click();
    await page.waitForURL(/\/queue$/);
    await page.locator(`[data-queue-claim="${claimId}"]`).click();
    await page.waitForURL(new RegExp(`claim=${claimId}`));
    await expect(page.locator('[data-pane="briefing"] [aria-current="true"]').first().getAttribute("data-claim-id")).resolves.toBe(claimId);
    // The evidence panel follows the active claim a moment later (a deferred render): wait for it.
    await expect.poll(() => page.locator('[data-pane="evidence"]').innerText(), { timeout: 15_000 }).toContain(claimText.slice(0, 40));
    await reviewSection().getByText(`Assigned to ${ADA.name}`).waitFor();
    await reviewSection().getByLabel("Why (optional)").fill("The post says so.");
    await reviewSection().getByRole("group", { name: "Your verdict" }).getByRole("button", { name: "Verified" }).click();
    await reviewSection().getByText("Your verdict: Verified").waitFor();
    await expect(reviewSection().locator("[data-claim-review-state]").innerText()).resolves.toBe("In review");
    await signOut();
  });

  it("keeps Ada's verdict from Ben until he gives his, then shows the disagreement", async () => {
    await signIn(OWNER);
    await desk();
    await page.getByRole("combobox", { name: "Assign claim 1", exact: true }).selectOption({ label: BEN.name });
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[aria-label="Assign claim 1"]')?.selectedOptions[0]?.textContent === "Ben Reviewer");
    await signOut();

    await signIn(BEN);
    await page.goto(`${app.url}/queue`);
    await page.locator(`[data-queue-claim="${claimId}"]`).click();
    await reviewSection().getByText("1 other reviewer has given a verdict; you see it after giving yours.").waitFor();
    const blind = await reviewSection().innerText();
    expect(blind).not.toContain("Ada Reviewer: Verified");
    expect(blind).not.toContain("The post says so.");
    expect(blind).toContain("gave a verdict (hidden until you give yours)");
    await reviewSection().getByRole("group", { name: "Your verdict" }).getByRole("button", { name: "Disputed" }).click();
    await reviewSection().getByText("Your verdict: Disputed").waitFor();
    await reviewSection().locator("[data-other-review]", { hasText: "Ada Reviewer: Verified" }).waitFor();
    await reviewSection().getByText("The reviewers disagree").waitFor();
    await expect(reviewSection().locator("[data-claim-review-state]").innerText()).resolves.toBe("Disputed");
    await page.screenshot({ path: "tmp/review-reader-disagreement.png" });
    await signOut();
  });

  it("lands in the owner's adjudication queue; the owner decides with a reason; agreement counts it", async () => {
    await signIn(OWNER);
    await desk();
    const card = page.locator(`[data-adjudication="${claimId}"]`);
    await expect(card.innerText()).resolves.toMatch(/Ada Reviewer: Verified[\s\S]*Ben Reviewer: Disputed/);
    await card.getByRole("button", { name: "Record the decision" }).click();
    await card.getByText("Choose the outcome.").waitFor();
    await card.getByRole("radio", { name: "Verified" }).check();
    await card.getByRole("button", { name: "Record the decision" }).click();
    await card.getByText("Give a reason for the decision.").waitFor();
    await card.getByLabel("Reason (kept in the claim’s history)").fill("The post states the figure plainly; Ben read the wrong paragraph.");
    await card.getByRole("button", { name: "Record the decision" }).click();
    await page.getByText("No disagreement waits for your decision.").waitFor();
    const agreement = await page.locator("[data-agreement]").innerText();
    expect(agreement).toContain("Ada Reviewer and Ben Reviewer");
    expect(agreement).toContain("κ = 0.00");
    expect(agreement).toContain("over 1 claim both reviewed, same verdict on 0%");
    expect(await page.locator('#activity [data-action="claim.adjudicated"]').innerText()).toContain("Disputed → Verified");
    await page.screenshot({ path: "tmp/review-desk-decided.png", fullPage: true });
  });

  it("shows the claim verified in the reader, with every step in its history", async () => {
    await page.goto(`${app.url}/dossiers/${dossierId}?claim=${claimId}`);
    await reviewSection().locator("[data-claim-history] li").first().waitFor();
    await expect(reviewSection().locator("[data-claim-review-state]").innerText()).resolves.toBe("Verified");
    const history = reviewSection().locator("[data-claim-history] li");
    expect(await history.evaluateAll((items) => items.map((li) => li.getAttribute("data-action")))).toEqual([
      "claim.adjudicated",
      "review.submitted",
      "claim.assigned",
      "review.submitted",
      "claim.assigned",
    ]);
    const lines = await history.allInnerTexts();
    expect(lines[0]).toMatch(/^Olivia Owner decided between the reviewers: Disputed → Verified/);
    expect(lines[0]).toContain("Ben read the wrong paragraph.");
    expect(lines[1]).toMatch(/^Ben Reviewer gave the verdict Disputed; claim: In review → Disputed/);
    expect(lines[2]).toMatch(/^Olivia Owner assigned the claim: Ada Reviewer → Ben Reviewer/);
    expect(lines[3]).toMatch(/^Ada Reviewer gave the verdict Verified; claim: Not reviewed → In review/);
    expect(lines[3]).toContain("The post says so.");
    expect(lines[4]).toMatch(/^Olivia Owner assigned the claim: nobody → Ada Reviewer/);
    for (const line of lines) expect(line).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    await page.screenshot({ path: "tmp/review-reader-history.png" });
  });
});
