import { describe, expect, it } from "vitest";
import type { SettledState } from "@/core/review/review-transitions.ts";
import { settleReviews, type Settlement } from "@/core/review/settle-reviews.ts";

describe("settleReviews", () => {
  const cases: { name: string; verdicts: SettledState[]; expected: Settlement }[] = [
    { name: "stays in review with no verdict", verdicts: [], expected: { state: "in_review", disagreement: false } },
    { name: "stays in review with one verdict", verdicts: ["verified"], expected: { state: "in_review", disagreement: false } },
    { name: "takes the verdict two reviewers agree on", verdicts: ["verified", "verified"], expected: { state: "verified", disagreement: false } },
    { name: "takes an agreed not-in-sources", verdicts: ["not_in_sources", "not_in_sources"], expected: { state: "not_in_sources", disagreement: false } },
    { name: "takes an agreed dispute without adjudication", verdicts: ["disputed", "disputed"], expected: { state: "disputed", disagreement: false } },
    { name: "disputes a claim two reviewers disagree on", verdicts: ["verified", "not_in_sources"], expected: { state: "disputed", disagreement: true } },
    { name: "disputes when a third reviewer dissents", verdicts: ["verified", "verified", "disputed"], expected: { state: "disputed", disagreement: true } },
  ];
  for (const { name, verdicts, expected } of cases) it(name, () => expect(settleReviews(verdicts)).toEqual(expected));
});
