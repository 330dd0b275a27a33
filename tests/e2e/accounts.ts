// Signs a browser page up (or in) through the app's own forms.
import type { Page } from "playwright-core";

/** Creates an account through /sign-up and waits until the home page shows the user signed in. */
export async function signUp(page: Page, baseUrl: string, person: { name: string; email: string; password?: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password ?? "correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
