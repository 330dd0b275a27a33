// Carries the links and span annotations of a source version over to its new version.
import { describe } from "@/core/anchoring/describe.ts";
import { reanchorAll } from "@/core/anchoring/reanchor-all.ts";
import type { AnchorResult, Selector } from "@/core/anchoring/types.ts";
import type { Tx } from "../db.ts";

/** How many anchors ended in each status. */
export interface ReanchorCounts {
  anchored: number;
  changed: number;
  orphaned: number;
}

interface Anchored {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * Re-anchors every decided link (accepted or rejected) and every span annotation on `from` into
 * `to`, storing each one's status. Found anchors move to the new version (a changed one keeps its
 * former text in `previousExact` for a diff); orphaned ones stay on the old version with their
 * last known text, to be re-checked. Suggested links are not carried: suggestions are recomputed.
 */
export async function reanchorToVersion(
  tx: Tx,
  from: { id: string; text: string },
  to: { id: string; text: string },
): Promise<ReanchorCounts> {
  const counts: ReanchorCounts = { anchored: 0, changed: 0, orphaned: 0 };
  const links = await tx.link.findMany({
    where: { versionId: from.id, state: { not: "suggested" } },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true },
  });
  const linkResults = reanchorAll(from.text, to.text, links.map(selectorsOf));
  for (let i = 0; i < links.length; i++) {
    const data = updateFor(links[i], linkResults[i], to);
    counts[data.anchorStatus]++;
    await tx.link.update({ where: { id: links[i].id }, data: { ...data, revision: { increment: 1 } } });
  }

  const annotations = await tx.annotation.findMany({
    where: { versionId: from.id, target: "span" },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true },
  });
  const spans = annotations.filter(
    (a): a is Anchored => a.exact !== null && a.prefix !== null && a.suffix !== null && a.start !== null && a.end !== null,
  );
  const annotationResults = reanchorAll(from.text, to.text, spans.map(selectorsOf));
  for (let i = 0; i < spans.length; i++) {
    const { previousExact: _previous, ...data } = updateFor(spans[i], annotationResults[i], to);
    counts[data.anchorStatus]++;
    await tx.annotation.update({ where: { id: spans[i].id }, data: { ...data, revision: { increment: 1 } } });
  }
  return counts;
}

function selectorsOf(a: Anchored): Selector[] {
  return [
    { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
    { type: "TextPositionSelector", start: a.start, end: a.end },
  ];
}

function updateFor(old: Anchored, result: AnchorResult, to: { id: string; text: string }) {
  if (result.status === "orphaned") return { anchorStatus: "orphaned" as const, previousExact: null };
  const [quote, position] = describe(to.text, result.start, result.end);
  return {
    anchorStatus: result.status,
    versionId: to.id,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    previousExact: result.status === "changed" ? old.exact : null,
  };
}
