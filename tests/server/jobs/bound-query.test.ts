// pg-boss's numbered placeholders become bound parameters of a tagged query, in the order they appear.
import { describe, expect, it } from "vitest";
import { boundQuery } from "@/server/jobs/sql-in-transaction.ts";

describe("boundQuery", () => {
  const cases = [
    { name: "keeps values in placeholder order, repeating a reused one", text: "SELECT $2::int, $1 || $2", args: ["a", 7], sql: "SELECT $1::int, $2 || $3", values: [7, "a", 7] },
    { name: "leaves dollar quoting and text without placeholders alone", text: "SELECT $$x$$, 1", args: [], sql: "SELECT $$x$$, 1", values: [] },
    { name: "binds a value that looks like SQL as a value", text: "INSERT INTO t VALUES ($1)", args: ["'); DROP TABLE t; --"], sql: "INSERT INTO t VALUES ($1)", values: ["'); DROP TABLE t; --"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const query = boundQuery(c.text, c.args);
      expect(query.text).toBe(c.sql);
      expect(query.values).toEqual(c.values);
    });
  }

  it("refuses a placeholder without a value", () => {
    expect(() => boundQuery("SELECT $3", [1])).toThrow(RangeError);
  });
});
