// The thresholds that decide between a highlight and an orphan: a wrong place is worse than none.

/**
 * Limits an anchor must pass to be shown. Chosen so that a candidate needs its quote to be
 * close *and* at least one side of its context to agree, unless the quote is long enough to
 * vouch for itself (see `MATCH_WEIGHTS.LONG_QUOTE_LENGTH`).
 */
export const ANCHOR_THRESHOLDS = {
  /**
   * Lowest combined score accepted. With the default weights, an exact short quote whose prefix
   * and suffix both fail scores about 0.74 and is orphaned; one agreeing side lifts it above 0.8.
   */
  ACCEPT_SCORE: 0.8,
  /**
   * Lowest combined score accepted for an anchor whose text an edit map kept whole
   * (`reanchorAll`): the diff already vouches for the place and the text is the quote itself,
   * so context need only not contradict it (an edit beside the quote often removes one side of
   * it). Every search, even beside the old place, is held to `ACCEPT_SCORE`.
   */
  MAPPED_ACCEPT_SCORE: 0.7,
  /**
   * Lowest quote similarity (`1 - errors / length`) accepted, and so the fuzzy search's error
   * budget: `floor(length × (1 - MIN_QUOTE_SIMILARITY))` edits.
   */
  MIN_QUOTE_SIMILARITY: 0.65,
  /**
   * How far the best candidate must score above the best candidate elsewhere. Closer than this,
   * the two are "about equally good" and the anchor is orphaned with the best as a suggestion.
   */
  AMBIGUITY_MARGIN: 0.05,
  /**
   * When re-anchoring through a diff, the least share of a candidate that must be the anchor's
   * own surviving text or newly inserted text. A candidate made mostly of kept text from
   * elsewhere is another passage that was already there, however alike it looks.
   */
  MIN_OWN_TEXT_SHARE: 0.5,
  /**
   * When re-anchoring through a diff, the least share of a quote the diff must have kept for the
   * stretch of new text holding those characters to be taken as the quote, edited, however much
   * was inserted inside it (see `MIN_KEPT_SPAN_SHARE`).
   */
  MIN_KEPT_QUOTE_SHARE: 2 / 3,
  /**
   * …and the least share of that stretch the kept characters must make up: beyond this, the
   * quote was torn apart by what was put inside it rather than edited.
   */
  MIN_KEPT_SPAN_SHARE: 0.5,
  /**
   * Quotes shorter than this (code units) are only matched exactly. A couple of edits turn a
   * two- or three-word quote into another phrase ("owner of" into "owner "), so a fuzzy match of
   * one says more about the budget than about the text.
   */
  MIN_FUZZY_QUOTE_LENGTH: 16,
  /** Fuzzy search's error budget never exceeds this many edits, whatever the quote's length. */
  MAX_ERRORS: 256,
} as const;
