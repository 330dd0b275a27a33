// The named weights and thresholds of the attribution engine, calibrated on the WiCE dev set (see docs/decisions/0004).

/** Weights of the lexical evidence for ranking spans; see `rankCandidates`. */
export const ALIGNMENT_WEIGHTS = {
  /** Term weight multiplier for numbers (years, counts, amounts). */
  numberBoost: 1.6,
  /** Term weight multiplier for capitalised words (names of people, places, works). */
  nameBoost: 1.4,
  /** Share of the score from IDF-weighted coverage of the claim's content terms. */
  coverage: 0.5,
  /** Share from BM25 (coverage with term-frequency saturation and length normalisation). */
  bm25: 0.25,
  /** Share from claim bigrams (adjacent content terms) found adjacent in the span. */
  bigram: 0.15,
  /** Share from the coverage of the neighbouring sentences (spans near the topic rank higher). */
  context: 0.1,
  /** BM25 term-frequency saturation. */
  k1: 1.2,
  /** BM25 length normalisation. */
  b: 0.5,
  /** Share of a term's weight that a derivationally related word earns ("marriage" for "married"). */
  derivationMatch: 0.8,
  /** Share of a term's weight that a WordNet synonym earns ("wed" for "married"). */
  synonymMatch: 0.5,
  /** Score taken off a run for each sentence beyond the first. */
  runPenalty: 0.02,
  /** How many of the best sentences seed runs with their neighbours. */
  runSeeds: 8,
  /** A sentence joins a run only if it adds at least this share of the claim's term weight. */
  minRunGain: 0.05,
} as const;

/** Weights of the same shape as `ALIGNMENT_WEIGHTS`, for trying other values. */
export type AlignmentWeights = { readonly [K in keyof typeof ALIGNMENT_WEIGHTS]: number };

/** Thresholds on `support` for the suggested verdict (checked by scripts/fit-support-model.ts on the WiCE dev set). */
export const VERDICT_THRESHOLDS = {
  /** At or above: "supported" (below it lie three quarters of the partially supported claims of dev). */
  supported: 0.9,
  /**
   * Below: "unsupported"; between the two: "partial". 0.5 is where the model, fitted with both classes
   * weighed equally, finds backed and unbacked equally likely. Thresholds picked on dev's jagged
   * balanced-accuracy curve (0.32–0.63 across training folds) did no better on the held-out folds
   * (0.814 against 0.817 at 0.5; scripts/fit-support-model.ts).
   */
  unsupported: 0.5,
} as const;

// Every support feature weighs the same: the model is a calibrated mean of the six. One coefficient
// fitted for the mean generalised better than one a feature (cross-validated AUROC 0.895 against
// 0.892, and on both halves of dev), and the per-feature fits (1.0–1.5 each) differed by noise.
const SHARED_WEIGHT = 1.81;

/**
 * Logistic model over `SupportFeatures` (see support-features.ts), fitted by scripts/fit-support-model.ts on the WiCE
 * dev set (not-supported against supported or partially supported, classes weighed equally; an intercept and one
 * coefficient for the mean of the features, here divided among them) and cross-validated there; see
 * docs/decisions/0004-alignment-method.md. A feature without a coefficient is not used.
 */
export const SUPPORT_MODEL = {
  intercept: -5.57,
  sourceCoverage: SHARED_WEIGHT,
  unionCoverage: SHARED_WEIGHT,
  clauseCoverage: SHARED_WEIGHT,
  anchorCoverage: SHARED_WEIGHT,
  windowCoverage: SHARED_WEIGHT,
  matchedTerms: SHARED_WEIGHT,
} as const;
