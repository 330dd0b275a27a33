// The presence roster: who is shown in a dossier, once each, until they leave or fall silent.
import { describe, expect, it } from "vitest";
import type { PresenceBeat } from "@/server/live/live-message.ts";
import { PresenceRoster } from "@/server/live/presence-roster.ts";

const D = "dossier-1";
const beat = (userId: string, tab: string, claimId: string | null, left = false): PresenceBeat => ({
  type: "presence",
  dossierId: D,
  userId,
  name: userId.toUpperCase(),
  tab,
  claimId,
  left,
});

describe("PresenceRoster", () => {
  const cases: { name: string; beats: [PresenceBeat, number][]; at: number; expected: { userId: string; claimId: string | null }[] }[] = [
    { name: "shows a person who beat", beats: [[beat("ada", "t1", "c1"), 0]], at: 1_000, expected: [{ userId: "ada", claimId: "c1" }] },
    {
      name: "shows a person with two tabs once, looking where they looked last",
      beats: [
        [beat("ada", "t1", "c1"), 0],
        [beat("ada", "t2", "c2"), 500],
      ],
      at: 1_000,
      expected: [{ userId: "ada", claimId: "c2" }],
    },
    {
      name: "keeps a person whose other tab is still open after one tab leaves",
      beats: [
        [beat("ada", "t1", "c1"), 0],
        [beat("ada", "t2", "c2"), 500],
        [beat("ada", "t2", null, true), 600],
      ],
      at: 1_000,
      expected: [{ userId: "ada", claimId: "c1" }],
    },
    {
      name: "forgets a person after 30 s of silence",
      beats: [
        [beat("ada", "t1", "c1"), 0],
        [beat("grace", "t9", null), 20_000],
      ],
      at: 30_001,
      expected: [{ userId: "grace", claimId: null }],
    },
    { name: "ignores a leave from a tab it never saw", beats: [[beat("ada", "t1", null, true), 0]], at: 0, expected: [] },
  ];
  for (const { name, beats, at, expected } of cases) {
    it(name, () => {
      const roster = new PresenceRoster();
      for (const [b, now] of beats) roster.apply(b, now);
      expect(roster.viewers(D, at).map(({ userId, claimId }) => ({ userId, claimId }))).toEqual(expected);
    });
  }

  it("says whether a beat changed what is shown", () => {
    const roster = new PresenceRoster();
    expect(roster.apply(beat("ada", "t1", "c1"), 0)).toBe(true);
    expect(roster.apply(beat("ada", "t1", "c1"), 10_000)).toBe(false);
    expect(roster.apply(beat("ada", "t1", "c2"), 11_000)).toBe(true);
    expect(roster.apply(beat("ada", "t1", null, true), 12_000)).toBe(true);
    expect(roster.empty).toBe(true);
  });

  it("reports the dossiers whose viewers expired", () => {
    const roster = new PresenceRoster();
    roster.apply(beat("ada", "t1", null), 0);
    expect(roster.expire(29_000)).toEqual([]);
    expect(roster.expire(30_001)).toEqual([D]);
    expect(roster.empty).toBe(true);
  });
});
