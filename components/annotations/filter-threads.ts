// Narrows the listed annotation threads by status, tag and author, as the panel's filters ask.
import type { ThreadView } from "@/server/annotations/list-annotations.ts";

/** The panel's filters; null means any. */
export interface ThreadFilter {
  status: "open" | "resolved" | "all";
  tag: string | null;
  authorId: string | null;
}

/** Threads matching every filter, order kept; an author matches a thread they started or replied to. */
export function filterThreads(threads: readonly ThreadView[], filter: ThreadFilter): ThreadView[] {
  return threads.filter(
    (t) =>
      (filter.status === "all" || t.resolved === (filter.status === "resolved")) &&
      (!filter.tag || t.tags.includes(filter.tag)) &&
      (!filter.authorId || t.author?.id === filter.authorId || t.replies.some((r) => r.author?.id === filter.authorId)),
  );
}

/** The tags and authors present in `threads`, for the filter menus. */
export function threadFacets(threads: readonly ThreadView[]): { tags: string[]; authors: { id: string; name: string }[] } {
  const tags = new Set<string>();
  const authors = new Map<string, string>();
  for (const t of threads) {
    for (const tag of t.tags) tags.add(tag);
    for (const a of [t, ...t.replies]) if (a.author) authors.set(a.author.id, a.author.name);
  }
  return { tags: [...tags].sort(), authors: [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) };
}
