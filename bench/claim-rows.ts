// The benches' claims: each text found in the briefing, in order, as rows for `claim.createMany`.

/** A briefing as `createDocument` returns it: its document and its first version. */
interface StoredBriefing {
  document: { id: string; dossierId: string };
  version: { id: string; text: string };
}

/**
 * One claim row per text of `texts`, each at its place in the briefing's text, searched from the
 * end of the one before (so a text that recurs is placed in order). Throws if a text is not there.
 */
export function claimRows(briefing: StoredBriefing, texts: readonly string[], kind: "statement" | "number" | "quote") {
  let from = 0;
  return texts.map((text, order) => {
    const start = briefing.version.text.indexOf(text, from);
    if (start < 0) throw new Error(`claim ${order + 1} is not in the briefing's text`);
    from = start + text.length;
    return { dossierId: briefing.document.dossierId, documentId: briefing.document.id, versionId: briefing.version.id, start, end: from, text, kind, order };
  });
}
