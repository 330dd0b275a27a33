// Cohen's kappa: how much two reviewers agree beyond what their habits would give by chance.

/** Agreement of two raters over the items both rated. */
export interface Agreement {
  /** How many items both rated. */
  n: number;
  /** Share of items with the same rating (p_o); null with no items. */
  observed: number | null;
  /** Agreement expected by chance from each rater's own rating shares (p_e); null with no items. */
  expected: number | null;
  /**
   * (p_o − p_e) / (1 − p_e). Null with no items, and null when p_e = 1 (both raters gave every
   * item the same single rating): agreement is then total but says nothing beyond chance.
   */
  kappa: number | null;
}

/**
 * Cohen's kappa over `pairs`, each the two raters' ratings of one item. The categories are the
 * ratings that occur.
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { n: 0, observed: null, expected: null, kappa: null };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}
