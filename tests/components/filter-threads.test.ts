import { describe, expect, it } from "vitest";
import { filterThreads, threadFacets, type ThreadFilter } from "@/components/annotations/filter-threads.ts";
import type { AnnotationView, ThreadView } from "@/server/annotations/list-annotations.ts";

const ana = { id: "a", name: "Ana" };
const ben = { id: "b", name: "Ben" };
const note = (id: string, author: { id: string; name: string } | null): AnnotationView => ({
  id,
  body: { type: "doc", content: [] },
  bodyText: id,
  author,
  createdAt: "2026-11-29T12:00:00.000Z",
  editedAt: null,
  deleted: false,
  revision: 1,
});
const thread = (id: string, author: typeof ana | null, extra: Partial<ThreadView> = {}): ThreadView => ({
  ...note(id, author),
  target: "claim",
  claimId: "c",
  linkId: null,
  span: null,
  resolved: false,
  tags: [],
  replies: [],
  ...extra,
});

const threads = [
  thread("open-by-ana", ana, { tags: ["numbers"] }),
  thread("resolved-by-ben", ben, { resolved: true, tags: ["sourcing", "numbers"] }),
  thread("ben-replied", ana, { replies: [note("r1", ben)] }),
  thread("former-member", null),
];
const any: ThreadFilter = { status: "all", tag: null, authorId: null };

describe("filterThreads", () => {
  const cases: { name: string; filter: ThreadFilter; expected: string[] }[] = [
    { name: "keeps every thread, in order, with no filter", filter: any, expected: ["open-by-ana", "resolved-by-ben", "ben-replied", "former-member"] },
    { name: "keeps open threads", filter: { ...any, status: "open" }, expected: ["open-by-ana", "ben-replied", "former-member"] },
    { name: "keeps resolved threads", filter: { ...any, status: "resolved" }, expected: ["resolved-by-ben"] },
    { name: "keeps threads with a tag", filter: { ...any, tag: "numbers" }, expected: ["open-by-ana", "resolved-by-ben"] },
    { name: "counts an author's replies as theirs", filter: { ...any, authorId: "b" }, expected: ["resolved-by-ben", "ben-replied"] },
    { name: "combines filters", filter: { status: "open", tag: "numbers", authorId: "b" }, expected: [] },
  ];
  for (const { name, filter, expected } of cases) it(name, () => expect(filterThreads(threads, filter).map((t) => t.id)).toEqual(expected));
});

describe("threadFacets", () => {
  it("lists the tags and the authors of threads and replies, sorted, each once", () => {
    expect(threadFacets(threads)).toEqual({ tags: ["numbers", "sourcing"], authors: [ana, ben] });
  });
});
