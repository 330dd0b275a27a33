// The time left a job strip shows, in words.
import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "@/components/jobs/job-progress.tsx";

describe("formatTimeLeft", () => {
  const cases = [
    { seconds: 0, expected: "about 1 s left" },
    { seconds: 42.4, expected: "about 42 s left" },
    { seconds: 89, expected: "about 1 min left" },
    { seconds: 180, expected: "about 3 min left" },
    { seconds: 3900, expected: "about 1 h 5 min left" },
  ];
  for (const { seconds, expected } of cases) {
    it(`says ${seconds} s as "${expected}"`, () => expect(formatTimeLeft(seconds)).toBe(expected));
  }
});
