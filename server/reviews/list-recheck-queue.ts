// Lists the links and span annotations of a dossier whose text changed or vanished in a new
// source version, with the old text, the new one and a word diff, for a reviewer to re-check.
import { diffWords, type WordChange } from "@/core/review/diff-words.ts";
import { traceBackSpan } from "@/core/review/trace-back-span.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** One link or span annotation to re-check. */
export interface RecheckItem {
  kind: "link" | "annotation";
  id: string;
  revision: number;
  anchorStatus: "changed" | "orphaned";
  document: { id: string; title: string };
  /** The claim a link backs. */
  claim: { id: string; text: string } | null;
  /** A link's decision: what the re-check confirms or drops. */
  linkState: "accepted" | "rejected" | null;
  /** An annotation's note. */
  note: string | null;
  /** The text as it was decided or annotated. */
  oldText: string;
  /** The text it points at now; null for an orphan. */
  newText: string | null;
  /** How `oldText` became `newText`, word by word; null for an orphan. */
  diff: WordChange[] | null;
}

/**
 * The dossier's re-check queue: accepted links that changed or were orphaned, rejected links that
 * changed (a rejected link whose text is gone asks nothing of anyone), then open span annotation
 * threads that changed or were orphaned. Links come in briefing order, annotations oldest first.
 * A changed link's old text is the `previousExact` stored by re-anchoring; a changed
 * annotation's is traced back through the diff of its version with the one before.
 */
export async function listRecheckQueue(db: Db, input: { dossierId: string; actorId: string }): Promise<RecheckItem[]> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const dossierId = parseInput(idSchema, input.dossierId);
  const dossier = await db.dossier.findUnique({ where: { id: dossierId }, select: { id: true } });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  const links = await db.link.findMany({
    where: {
      claim: { dossierId },
      OR: [{ state: "accepted", anchorStatus: { in: ["changed", "orphaned"] } }, { state: "rejected", anchorStatus: "changed" }],
    },
    orderBy: [{ claim: { order: "asc" } }, { start: "asc" }, { id: "asc" }],
    select: {
      id: true,
      revision: true,
      anchorStatus: true,
      state: true,
      exact: true,
      previousExact: true,
      claim: { select: { id: true, text: true } },
      version: { select: { document: { select: { id: true, title: true } } } },
    },
  });
  const annotations = await db.annotation.findMany({
    where: { dossierId, target: "span", parentId: null, deleted: false, resolved: false, anchorStatus: { in: ["changed", "orphaned"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      revision: true,
      anchorStatus: true,
      exact: true,
      start: true,
      end: true,
      bodyText: true,
      version: { select: { number: true, text: true, document: { select: { id: true, title: true } } } },
    },
  });

  const items: RecheckItem[] = links.map((l) => {
    const changed = l.anchorStatus === "changed";
    const oldText = changed ? (l.previousExact ?? l.exact) : l.exact;
    return {
      kind: "link",
      id: l.id,
      revision: l.revision,
      anchorStatus: l.anchorStatus as "changed" | "orphaned",
      document: l.version.document,
      claim: l.claim,
      linkState: l.state as "accepted" | "rejected",
      note: null,
      oldText,
      newText: changed ? l.exact : null,
      diff: changed ? diffWords(oldText, l.exact) : null,
    };
  });
  // Versions before the annotated ones, fetched once each: several notes share a version.
  const previousTexts = new Map<string, Promise<string | null>>();
  const previousText = (documentId: string, number: number) => {
    const key = `${documentId}:${number - 1}`;
    let text = previousTexts.get(key);
    if (!text) {
      text = db.documentVersion
        .findUnique({ where: { documentId_number: { documentId, number: number - 1 } }, select: { text: true } })
        .then((v) => v?.text ?? null);
      previousTexts.set(key, text);
    }
    return text;
  };
  for (const a of annotations) {
    // Span annotations always have a version and offsets; the columns are shared with other targets.
    if (!a.version || a.start === null || a.end === null) continue;
    const exact = a.exact ?? "";
    const changed = a.anchorStatus === "changed";
    const previous = changed ? await previousText(a.version.document.id, a.version.number) : null;
    const oldText = previous === null ? exact : traceBackSpan(previous, a.version.text, a.start, a.end);
    items.push({
      kind: "annotation",
      id: a.id,
      revision: a.revision,
      anchorStatus: a.anchorStatus as "changed" | "orphaned",
      document: a.version.document,
      claim: null,
      linkState: null,
      note: a.bodyText,
      oldText,
      newText: changed ? exact : null,
      diff: changed ? diffWords(oldText, exact) : null,
    });
  }
  return items;
}
