// Hostile text for the fuzzing properties: any code point, lone surrogates, controls and markup.
import fc from "fast-check";

/** One lone UTF-16 surrogate. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Characters that stress a text importer: line breaks, spaces of every kind, controls, markup, combining marks. */
const tricky = fc.constantFrom(
  "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", " ", "\u00a0", "\u3000", "\u200b", "\ufeff",
  "\u0001", "\u001b", "\u007f", "\u0090", "\u0301", "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "#", "*", "-", "`", "```", "[", "](", ")",
  "<script>", "</p>", "<a href=\"javascript:alert(1)\">", "<!--", "-->", "<![CDATA[", "1. ", "• ", "> ", "|",
);

/** Strings mixing any code point, lone surrogates and tricky characters. */
export const hostileText = fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: loneSurrogate }, { weight: 3, arbitrary: tricky }), maxLength: 300 });
