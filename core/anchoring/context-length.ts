// How much surrounding text a quote selector keeps on each side of the quote.

/** Characters of prefix and of suffix stored with a quote (UTF-16 code units). */
export const CONTEXT_LENGTH = 32;
