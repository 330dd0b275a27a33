// Where the guide's screenshots go: docs/images under `npm run docs:screenshots`, tmp/guide otherwise.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";

const OUT = process.env.GUIDE_SCREENSHOTS_DIR ?? "tmp/guide";

/** Takes the guide's picture `name` of a page or of one element of it. */
export async function guideShot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await target.screenshot({ path: path.join(OUT, `${name}.png`) });
}
