// What route tests share: an account signed up through the real auth route, and the test database serving the routes.
import { expect } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import type { TestDatabase } from "./test-database.ts";

/** The origin route tests send requests from (one of the app's trusted origins). */
export const ORIGIN = "http://localhost:3000";

/** Signs up through the auth route; returns the session cookie and the new user's id. */
export async function signUpThroughRoute(email: string): Promise<{ cookie: string; userId: string }> {
  const response = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ name: email.split("@")[0], email, password: "correct horse battery" }),
    }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user: { id: string } };
  return { cookie: response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), userId: body.user.id };
}

/** Makes the route handlers use this test database, as the server's own would be. */
export function serveTestDatabase(t: TestDatabase): void {
  setProcessDatabase(Promise.resolve({ prisma: t.db, database: t.database }));
}
