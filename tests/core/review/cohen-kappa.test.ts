import { describe, expect, it } from "vitest";
import { cohenKappa } from "@/core/review/cohen-kappa.ts";

const repeat = (times: number, pair: [string, string]) => Array.from({ length: times }, () => pair);

describe("cohenKappa", () => {
  it("matches a hand-computed example", () => {
    // Ten claims, reviewer A's verdict first:
    //                 B verified  B disputed  B not_in_sources | A total
    //   A verified         4           1            0          |   5
    //   A disputed         0           2            1          |   3
    //   A not_in_sources   1           0            1          |   2
    //   B total            5           3            2          |  10
    // p_o = (4 + 2 + 1) / 10 = 0.7
    // p_e = (5·5 + 3·3 + 2·2) / 10² = 38 / 100 = 0.38
    // κ = (0.7 − 0.38) / (1 − 0.38) = 0.32 / 0.62 = 16/31 ≈ 0.5161
    const pairs = [
      ...repeat(4, ["verified", "verified"]),
      ...repeat(1, ["verified", "disputed"]),
      ...repeat(2, ["disputed", "disputed"]),
      ...repeat(1, ["disputed", "not_in_sources"]),
      ...repeat(1, ["not_in_sources", "not_in_sources"]),
      ...repeat(1, ["not_in_sources", "verified"]),
    ] as [string, string][];
    const result = cohenKappa(pairs);
    expect(result.n).toBe(10);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.38, 12);
    expect(result.kappa).toBeCloseTo(16 / 31, 12);
  });

  const cases: { name: string; pairs: [string, string][]; expected: ReturnType<typeof cohenKappa> }[] = [
    { name: "has nothing to say about no claims", pairs: [], expected: { n: 0, observed: null, expected: null, kappa: null } },
    {
      name: "leaves kappa undefined when both gave every claim the one same verdict",
      pairs: repeat(3, ["verified", "verified"]),
      expected: { n: 3, observed: 1, expected: 1, kappa: null },
    },
    {
      name: "is 1 for total agreement over several verdicts",
      pairs: [["verified", "verified"], ["disputed", "disputed"]],
      expected: { n: 2, observed: 1, expected: 0.5, kappa: 1 },
    },
    {
      // p_o = 0, p_e = (1·1 + 1·1) / 4 = 0.5, κ = −0.5 / 0.5 = −1.
      name: "is −1 for systematic disagreement",
      pairs: [["verified", "disputed"], ["disputed", "verified"]],
      expected: { n: 2, observed: 0, expected: 0.5, kappa: -1 },
    },
    {
      // Each used one verdict, different ones: p_o = 0, p_e = 0, κ = 0.
      name: "is 0 when each reviewer always gave a different single verdict",
      pairs: repeat(2, ["verified", "disputed"]),
      expected: { n: 2, observed: 0, expected: 0, kappa: 0 },
    },
  ];
  for (const { name, pairs, expected } of cases) it(name, () => expect(cohenKappa(pairs)).toEqual(expected));
});
