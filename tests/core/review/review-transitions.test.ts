import { describe, expect, it } from "vitest";
import { REVIEW_STATES, REVIEW_TRANSITIONS, isSettled, refuseTransition, type ReviewState } from "@/core/review/review-transitions.ts";

type Case = { from: ReviewState; to: ReviewState; single: boolean; two: boolean };

// Every ordered pair of states: may it be set by hand in single- and in two-reviewer mode?
const cases: Case[] = [
  { from: "unreviewed", to: "unreviewed", single: false, two: false },
  { from: "unreviewed", to: "in_review", single: true, two: true },
  { from: "unreviewed", to: "verified", single: true, two: false },
  { from: "unreviewed", to: "disputed", single: true, two: false },
  { from: "unreviewed", to: "not_in_sources", single: true, two: false },
  { from: "in_review", to: "unreviewed", single: true, two: true },
  { from: "in_review", to: "in_review", single: false, two: false },
  { from: "in_review", to: "verified", single: true, two: false },
  { from: "in_review", to: "disputed", single: true, two: false },
  { from: "in_review", to: "not_in_sources", single: true, two: false },
  { from: "verified", to: "unreviewed", single: false, two: false },
  { from: "verified", to: "in_review", single: true, two: true },
  { from: "verified", to: "verified", single: false, two: false },
  { from: "verified", to: "disputed", single: false, two: false },
  { from: "verified", to: "not_in_sources", single: false, two: false },
  { from: "disputed", to: "unreviewed", single: false, two: false },
  { from: "disputed", to: "in_review", single: true, two: true },
  { from: "disputed", to: "verified", single: false, two: false },
  { from: "disputed", to: "disputed", single: false, two: false },
  { from: "disputed", to: "not_in_sources", single: false, two: false },
  { from: "not_in_sources", to: "unreviewed", single: false, two: false },
  { from: "not_in_sources", to: "in_review", single: true, two: true },
  { from: "not_in_sources", to: "verified", single: false, two: false },
  { from: "not_in_sources", to: "disputed", single: false, two: false },
  { from: "not_in_sources", to: "not_in_sources", single: false, two: false },
];

describe("refuseTransition", () => {
  it("covers every pair of states", () => {
    expect(cases).toHaveLength(REVIEW_STATES.length ** 2);
  });
  for (const { from, to, single, two } of cases) {
    it(`${single ? "allows" : "refuses"} ${from} → ${to} with one reviewer, ${two ? "allows" : "refuses"} it with two`, () => {
      expect(refuseTransition(from, to, { twoReviewerMode: false }) === null).toBe(single);
      expect(refuseTransition(from, to, { twoReviewerMode: true }) === null).toBe(two);
    });
  }

  it("names both states in a refusal, and says to reopen a settled claim", () => {
    expect(refuseTransition("verified", "disputed", { twoReviewerMode: false })).toBe("A claim cannot go from verified to disputed; reopen it first.");
    expect(refuseTransition("in_review", "verified", { twoReviewerMode: true })).toMatch(/from in review to verified/);
  });

  it("agrees with the transition table", () => {
    for (const from of REVIEW_STATES) {
      for (const to of REVIEW_STATES) {
        expect(refuseTransition(from, to, { twoReviewerMode: false }) === null).toBe(REVIEW_TRANSITIONS[from].includes(to));
      }
    }
  });
});

describe("isSettled", () => {
  it("is true of the verdicts only", () => {
    expect(REVIEW_STATES.filter(isSettled)).toEqual(["verified", "disputed", "not_in_sources"]);
  });
});
