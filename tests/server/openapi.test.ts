// The OpenAPI document: valid OpenAPI 3.1, and in step with the route files of app/api/v1.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_CATALOG } from "@/server/http/api-catalog.ts";
import { openApiDocument } from "@/server/http/openapi-document.ts";

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** Every route file under app/api/v1 with its path in OpenAPI style. */
function routeFiles(dir = "app/api/v1"): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    // app/api/v1/links/[linkId]/route.ts → /api/v1/links/{linkId}
    const routePath = `/${path.dirname(full).split(path.sep).slice(1).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    return [{ file: full, path: routePath }];
  });
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes exactly the methods every route file exports", async () => {
    const documented = new Set(API_CATALOG.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    const served = new Set<string>();
    for (const route of routeFiles()) {
      const module = (await import(/* @vite-ignore */ pathToFileURL(path.resolve(route.file)).href)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof module[method] === "function") served.add(`${method} ${route.path}`);
    }
    expect([...served].filter((op) => !documented.has(op))).toEqual([]);
    expect([...documented].filter((op) => !served.has(op))).toEqual([]);
  });

  it("documents request bodies from the zod schemas the use cases validate with", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> } }>> };
    const decide = doc.paths["/api/v1/links/{linkId}/decision"].post.requestBody!.content["application/json"].schema;
    expect(decide.properties).toMatchObject({ state: { enum: ["accepted", "rejected", "suggested"] }, revision: { type: "integer", minimum: 1 } });
    expect(decide.required).toEqual(expect.arrayContaining(["state", "revision"]));
    const ids = new Set(API_CATALOG.map((op) => op.operationId));
    expect(ids.size).toBe(API_CATALOG.length);
  });
});
