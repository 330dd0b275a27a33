// Two people in two browsers: an owner invites by link, a newcomer signs up through it and joins;
// the owner changes their role; an expired link says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

describe("inviting people by link", () => {
  let app: RunningApp;
  let ownerBrowser: BrowserContext;
  let guestBrowser: BrowserContext;
  let owner: Page;
  let guest: Page;
  let settingsPath = "";

  beforeAll(async () => {
    app = await startApp();
    [ownerBrowser, guestBrowser] = [await openBrowser(), await openBrowser()];
    owner = await ownerBrowser.newPage();
    guest = await guestBrowser.newPage();
    // The first account owns the example workspace.
    await signUp(owner, app.url, { name: "Olive Owner", email: "olive@example.test" });
  });
  afterAll(async () => {
    await ownerBrowser?.close();
    await guestBrowser?.close();
    await app?.stop();
  });

  /** Creates an invitation on the settings page and returns its link as shown once. */
  async function createLink(role: string, days: number): Promise<string> {
    await owner.goto(`${app.url}${settingsPath}`);
    await owner.getByLabel("Role", { exact: true }).selectOption(role);
    await owner.getByLabel("Link works for (days)").fill(String(days));
    await owner.getByRole("button", { name: "Create invitation link" }).click();
    const link = owner.getByLabel("Invitation link");
    await link.waitFor();
    return link.inputValue();
  }

  it("lets a newcomer sign up through a reviewer invitation, join, and see the workspace's dossiers", async () => {
    await owner.goto(app.url);
    await owner.getByRole("link", { name: "Members and settings" }).click();
    await owner.waitForURL(/\/workspaces\/[0-9a-f-]{36}\/settings$/);
    settingsPath = new URL(owner.url()).pathname;

    const link = await createLink("reviewer", 7);
    expect(link).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{43}$`));
    await expect(owner.getByRole("list", { name: "Pending invitations" }).innerText()).resolves.toMatch(/reviewer/);

    await guest.goto(link);
    await expect(guest.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(/^Join /);
    await expect(guest.locator("main").innerText()).resolves.toMatch(/as reviewer/);
    await guest.getByRole("link", { name: "Create an account to join" }).click();
    await guest.waitForURL(/\/sign-up\?next=/);
    await guest.getByLabel("Name").fill("Gus Guest");
    await guest.getByLabel("Email").fill("gus@example.test");
    await guest.getByLabel("Password").fill("correct horse battery staple");
    await guest.getByRole("button", { name: "Create account" }).click();
    await guest.waitForURL(new RegExp(`/invite/`));
    await guest.getByRole("button", { name: /^Join / }).click();
    await guest.waitForURL(`${app.url}/`);
    await guest.getByRole("link", { name: /Fentanyl Crisis/ }).waitFor();

    await owner.reload();
    await expect(owner.getByRole("list", { name: "Members" }).innerText()).resolves.toContain("Gus Guest");
    await expect(owner.getByLabel("Role of Gus Guest").inputValue()).resolves.toBe("reviewer");
    await expect(owner.getByRole("list", { name: "Pending invitations" }).count()).resolves.toBe(0);
  });

  it("lets the owner make the newcomer a viewer, which the newcomer's next request obeys", async () => {
    await owner.goto(`${app.url}${settingsPath}`);
    await owner.getByLabel("Role of Gus Guest").selectOption("viewer");
    await owner.getByRole("status").filter({ hasText: "Gus Guest is now viewer." }).waitFor();

    const workspaceId = settingsPath.split("/")[2];
    const view = await (await guest.request.get(`${app.url}/api/v1/workspaces/${workspaceId}`)).json();
    expect(view).toMatchObject({ role: "viewer", mayInvite: false });
    const dossierId = (await guest.getByRole("link", { name: /Fentanyl Crisis/ }).getAttribute("href"))!.split("/").pop();
    const dossier = await (await guest.request.get(`${app.url}/api/v1/dossiers/${dossierId}`)).json();
    const claim = dossier.claims[0];
    const refused = await guest.request.post(`${app.url}/api/v1/claims/${claim.id}/review`, {
      data: { reviewState: "verified", revision: claim.revision },
      headers: { origin: app.url },
    });
    expect(refused.status()).toBe(403);

    await guest.goto(`${app.url}${settingsPath}`);
    await expect(guest.locator("main").innerText()).resolves.toMatch(/Your role: viewer/);
  });

  it("says plainly that an expired link has expired", async () => {
    const link = await createLink("editor", 1);
    const token = link.split("/invite/")[1]!;
    // Move the invitation's expiry into the past directly in the app's database, with the app stopped.
    await app.stop();
    const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir: app.dataDir }, { seed: false });
    const { hashInvitationToken } = await import("@/server/workspaces/hash-invitation-token.ts");
    await prisma.invitation.update({ where: { tokenHash: hashInvitationToken(token) }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await prisma.$disconnect();
    await database.close();
    app = await startApp({ dataDir: app.dataDir });

    const stranger = await (await openBrowser()).newPage();
    try {
      await stranger.goto(`${app.url}/invite/${token}`);
      await expect(stranger.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("This invitation can no longer be used");
      await expect(stranger.locator("main [role=alert]").innerText()).resolves.toMatch(/^This invitation to .+ expired on \d{4}-\d\d-\d\d at \d\d:\d\d UTC\. Ask an owner of the workspace for a new link\.$/);
      await expect(stranger.getByRole("button", { name: /^Join / }).count()).resolves.toBe(0);
    } finally {
      await stranger.context().close();
    }
  });
});
