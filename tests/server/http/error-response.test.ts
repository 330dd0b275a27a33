// Every thrown value becomes one JSON error with the right status, and nothing internal leaks.
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/server/errors/app-error.ts";
import { errorResponse } from "@/server/http/handle-route.ts";

const cases = [
  { name: "an AppError keeps its code and message", error: new AppError("conflict", "Changed meanwhile."), status: 409, code: "conflict", message: /^Changed meanwhile\.$/ },
  { name: "a refused connection is the database being unavailable", error: Object.assign(new Error("x"), { code: "ECONNREFUSED" }), status: 503, code: "unavailable", message: /database is unavailable/ },
  { name: "a transaction past its time limit is a busy server, nothing saved", error: Object.assign(new Error("Transaction already closed"), { code: "P2028" }), status: 503, code: "unavailable", message: /too busy.*nothing was saved/ },
  { name: "no free connection in time, as the cause of a wrapped error, is a busy server", error: new Error("wrapped", { cause: { code: "P2024" } }), status: 503, code: "unavailable", message: /too busy/ },
  { name: "anything else is an internal error that says nothing of itself", error: new Error("secret detail"), status: 500, code: "internal", message: /^Something went wrong on our side\.$/ },
];

describe("errorResponse", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const response = errorResponse(c.error);
      logged.mockRestore();
      expect(response.status).toBe(c.status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toMatch(c.message);
      expect(JSON.stringify(body)).not.toContain("secret detail");
      if (c.status === 503) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  }
});
