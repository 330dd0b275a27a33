// Properties of every JSON body of the API under arbitrary JSON: its schema's safeParse never
// throws, and parseInput either returns a value or throws AppError invalid_input, nothing else.
import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { API_CATALOG } from "@/server/http/api-catalog.ts";
import { parseInput } from "@/server/http/parse-input.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { hostileText } from "../../core/fuzz/text-arbitraries.ts";

const RUNS = { numRuns: 150 };

/** Property names and constant values a schema mentions, so random bodies reach its inner checks. */
function vocabulary(schema: z.ZodType): { keys: string[]; values: (string | number | boolean)[] } {
  const keys = new Set<string>();
  const values = new Set<string | number | boolean>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === "object") Object.keys(record.properties).forEach((k) => keys.add(k));
    if ("const" in record && ["string", "number", "boolean"].includes(typeof record.const)) values.add(record.const as string);
    if (Array.isArray(record.enum)) record.enum.forEach((v) => ["string", "number", "boolean"].includes(typeof v) && values.add(v));
    Object.values(record).forEach(walk);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return { keys: [...keys], values: [...values] };
}

/** JSON built from the schema's own words and hostile leaves, passed through JSON text as a request body is. */
function bodies(schema: z.ZodType): fc.Arbitrary<unknown> {
  const { keys, values } = vocabulary(schema);
  const leaf = fc.oneof(
    fc.constantFrom(...values, null, true, false, 0, -1, 1e308, -0, 2 ** 53, 0.5, "", "a".repeat(100_001), "00000000-0000-0000-0000-000000000000"),
    hostileText,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys, "__proto__", "constructor", "prototype") }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(key, tie("tree"), { maxKeys: 8 })),
  }));
  return fc.oneof(fc.jsonValue(), tree, fc.dictionary(key, tree, { minKeys: 1, maxKeys: 8 })).map((value) => JSON.parse(JSON.stringify(value ?? null)));
}

const WITH_BODY = API_CATALOG.filter((op) => op.body).map((op) => [op.operationId, op.body!] as const);

describe("API bodies under arbitrary JSON", () => {
  it("covers every operation with a body", () => {
    expect(WITH_BODY.length).toBeGreaterThanOrEqual(20);
  });

  it.each(WITH_BODY)("%s: safeParse never throws and parseInput throws only invalid_input", (_id, schema) => {
    fc.assert(
      fc.property(bodies(schema), (body) => {
        expect(() => schema.safeParse(body)).not.toThrow();
        try {
          parseInput(schema, body);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("invalid_input");
          expect((error as AppError).message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it("a deeply nested body is refused, not a crash", () => {
    let deep: unknown = "x";
    for (let n = 0; n < 10_000; n++) deep = { document: deep, target: [deep] };
    for (const [, schema] of WITH_BODY) {
      expect(() => parseInput(schema, deep)).toThrow(AppError);
    }
  });
});
