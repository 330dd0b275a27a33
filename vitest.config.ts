// Test projects: pure core units, database-backed server tests, and browser end-to-end tests.
import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/core/**/*.test.ts", "tests/cli/**/*.test.ts", "tests/deploy/**/*.test.ts", "tests/components/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["tests/server/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/server/database-templates.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // A page's answer to a click (a request, then a render) can take over a second on a
          // loaded machine: expect.poll waits up to 10 s for it (its default is 1 s), as
          // Playwright's own waits do for longer. No test asserts how fast the page answers.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
