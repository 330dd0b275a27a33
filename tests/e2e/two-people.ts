// Two people in the example dossier, each in a browser of their own: Ada, the first account and its owner, and Grace, a member with the role a test needs.
import type { BrowserContext, Page } from "playwright-core";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

export const ADA = { name: "Ada Lovelace", email: "ada@example.test" };
export const GRACE = { name: "Grace Hopper", email: "grace@example.test" };

/** One person's browser and the page they work in. */
export interface Person {
  browser: BrowserContext;
  page: Page;
}

/** The running app, both people with the example dossier open, and how to end it all. */
export interface TwoPeople {
  app: RunningApp;
  ada: Person;
  grace: Person;
  /** The example dossier's path, e.g. `/dossiers/…`. */
  dossierPath: string;
  close(): Promise<void>;
}

/** Makes Grace a member of the example workspace with `role`, in the stopped app's data folder. */
async function addGrace(dataDir: string, role: "reviewer" | "editor"): Promise<void> {
  const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir }, { seed: false });
  try {
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: "example" } });
    const grace = await prisma.user.findUniqueOrThrow({ where: { email: GRACE.email } });
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: grace.id, role } });
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

/**
 * Starts the app, signs Ada and Grace up, makes Grace a `role` of the example workspace, and
 * opens the example dossier for both. Every page error either page throws goes into `errors`.
 */
export async function openTwoPeople(role: "reviewer" | "editor", errors: string[]): Promise<TwoPeople> {
  const open = async (): Promise<Person> => {
    const browser = await openBrowser();
    const page = await browser.newPage();
    page.on("pageerror", (error) => errors.push(String(error)));
    return { browser, page };
  };
  let app = await startApp();
  const ada = await open();
  const grace = await open();
  await signUp(ada.page, app.url, ADA);
  await signUp(grace.page, app.url, GRACE);
  // The embedded database belongs to the running app alone: stop it to add the membership.
  await app.stop();
  await addGrace(app.dataDir, role);
  app = await startApp({ dataDir: app.dataDir });
  await ada.page.goto(app.url);
  await ada.page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
  await ada.page.waitForURL(/\/dossiers\//);
  const dossierPath = new URL(ada.page.url()).pathname;
  await grace.page.goto(`${app.url}${dossierPath}`);
  for (const { page } of [ada, grace]) await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  return {
    app,
    ada,
    grace,
    dossierPath,
    async close() {
      await ada.browser.close();
      await grace.browser.close();
      await app.stop();
    },
  };
}
