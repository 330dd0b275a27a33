// Where a claim sits in a briefing's canonical text.

/** A claim's id and the half-open range `[start, end)` of the text it covers. */
export interface ClaimSpan {
  id: string;
  start: number;
  end: number;
}
