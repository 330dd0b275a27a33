import { describe, expect, it } from "vitest";
import type { DossierExport, ExportAnnotation, ExportLink } from "@/core/export/dossier-export.ts";
import { placeWebAnnotations, type Placement, type PlacementDocument } from "@/core/export/place-web-annotations.ts";
import { readWebAnnotations } from "@/core/export/read-web-annotations.ts";
import { toWebAnnotations } from "@/core/export/to-web-annotations.ts";
import type { AnnotationCollection, SpanResource, WebAnnotation } from "@/core/export/web-annotation.ts";
import { exampleExport } from "./example-export.ts";

/** The dossier as an import sees it: the same texts under new ids. */
function freshDossier(original: DossierExport) {
  const documents: PlacementDocument[] = original.documents.map((d) => ({
    id: `new-${d.id}`,
    kind: d.kind,
    title: d.title,
    originUrl: d.originUrl,
    versionId: `new-${d.versionId}`,
    text: d.text,
    hashes: [d.contentHash],
  }));
  const claims = original.claims.map((c) => ({ id: `new-${c.id}`, documentId: `new-${c.documentId}`, start: c.start, end: c.end, text: c.text }));
  return { documents, claims };
}

/** What an import stores, read back as an export of the fresh dossier (as the database would give it). */
function storedExport(original: DossierExport, placement: Placement): DossierExport {
  const documentOf = (id: string) => original.documents.find((d) => `new-${d.id}` === id)!;
  const linkIds = new Map(placement.links.map((l, i) => [l.importId, `stored-link-${i}`]));
  const noteIds = new Map(placement.notes.map((n, i) => [n.importId, `stored-note-${i}`]));
  const links: ExportLink[] = placement.links.map((l) => {
    const document = documentOf(l.span.documentId);
    const exact = document.text.slice(l.span.start, l.span.end);
    const original = { prefix: document.text.slice(Math.max(0, l.span.start - 32), l.span.start), suffix: document.text.slice(l.span.end, l.span.end + 32) };
    return {
      id: linkIds.get(l.importId)!,
      claimId: l.claimId,
      documentId: l.span.documentId,
      contentHash: document.contentHash,
      exact,
      ...original,
      start: l.span.start,
      end: l.span.end,
      origin: l.origin,
      state: l.state,
      verdict: l.verdict,
      score: l.score,
      rank: l.rank,
      anchorStatus: l.span.status,
      creator: l.creator,
      createdAt: "2027-01-01T00:00:00.000Z",
      updatedAt: "2027-01-01T00:00:00.000Z",
    };
  });
  const annotations: ExportAnnotation[] = placement.notes.map((n) => {
    const document = n.span ? documentOf(n.span.documentId) : null;
    const link = n.on === "link" ? placement.links.find((l) => l.importId === n.aboutImportId) : undefined;
    return {
      id: noteIds.get(n.importId)!,
      target: n.on === "reply" ? "link" : n.on,
      span:
        n.span && document
          ? {
              documentId: n.span.documentId,
              contentHash: document.contentHash,
              exact: document.text.slice(n.span.start, n.span.end),
              prefix: document.text.slice(Math.max(0, n.span.start - 32), n.span.start),
              suffix: document.text.slice(n.span.end, n.span.end + 32),
              start: n.span.start,
              end: n.span.end,
            }
          : null,
      claimId: n.claimId ?? link?.claimId ?? null,
      linkId: link ? linkIds.get(link.importId)! : null,
      parentId: n.on === "reply" ? noteIds.get(n.aboutImportId!)! : null,
      body: n.richText!,
      bodyText: n.text,
      tags: n.tags,
      resolved: n.resolved,
      deleted: n.deleted,
      creator: n.creator,
      createdAt: n.created!,
      updatedAt: "2027-01-01T00:00:00.000Z",
    };
  });
  const fresh = freshDossier(original);
  return {
    id: "dossier-2",
    title: original.title,
    documents: original.documents.map((d) => ({ ...d, id: `new-${d.id}`, versionId: `new-${d.versionId}` })),
    claims: original.claims.map((c) => ({ ...c, id: fresh.claims.find((f) => f.id === `new-${c.id}`)!.id, documentId: `new-${c.documentId}` })),
    links,
    annotations,
  };
}

/** The collection with ids numbered by first appearance and the times left out. */
function normalise(collection: AnnotationCollection): unknown {
  const ids = new Map<string, string>();
  const json = JSON.stringify(collection, (key, value) => (key === "created" || key === "modified" ? undefined : value));
  return JSON.parse(json.replace(/urn:uuid:[^"]+/g, (id) => ids.get(id) ?? (ids.set(id, `id-${ids.size}`), `id-${ids.size - 1}`)));
}

describe("toWebAnnotations", () => {
  const dossier = exampleExport();
  const collection = toWebAnnotations(dossier);
  const items = collection.first.items;

  it("writes a one-page AnnotationCollection in the Web Annotation context", () => {
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: items.length, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(items).toHaveLength(dossier.links.length + dossier.annotations.length);
    for (const item of items) expect(item).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", id: expect.stringMatching(/^urn:uuid:/) });
  });

  it("makes each link an Annotation whose target selectors quote and locate the source span", () => {
    const source = dossier.documents.find((d) => d.kind === "source")!;
    for (const link of dossier.links) {
      const item = items.find((i) => i.id === `urn:uuid:${link.id}`)!;
      const target = item.target as SpanResource;
      const [quote, position] = target.selector;
      expect(target.source).toBe(`urn:hash::${source.contentHash}`);
      expect(target["attest:contentHash"]).toBe(source.contentHash);
      expect(quote).toMatchObject({ type: "TextQuoteSelector", exact: source.text.slice(link.start, link.end) });
      expect(position).toEqual({ type: "TextPositionSelector", start: link.start, end: link.end });
      expect(item.body[0]).toMatchObject({ type: "TextualBody", purpose: "describing", value: dossier.claims.find((c) => c.id === link.claimId)!.text });
      expect(item.body[2]).toMatchObject({ purpose: "assessing", "attest:state": link.state, "attest:verdict": link.verdict, "attest:score": link.score });
    }
  });

  it("points the claim of a link at the briefing's address, and words its assessment as the reader does", () => {
    const [first] = items;
    expect((first.body[1] as SpanResource).source).toBe("https://example.org/briefing");
    expect(first.body[2]).toMatchObject({ value: "Supports" });
    const suggested = items.find((i) => (i.body[2] as { "attest:state"?: string })?.["attest:state"] === "suggested")!;
    expect((suggested.body[2] as { value: string }).value).toMatch(/^Suggested \(\d+%\)$/);
  });

  it("writes notes as commenting Annotations with tags, and replies as replying ones aimed at their thread", () => {
    const byId = (id: string) => items.find((i) => i.id === `urn:uuid:${id}`)!;
    expect(byId("note-span")).toMatchObject({ motivation: "commenting", "attest:target": "span", body: [{ value: "Which planes?" }, { purpose: "tagging", value: "drugs" }] });
    expect(byId("note-claim")).toMatchObject({ "attest:target": "claim", "attest:resolved": true });
    expect(byId("note-link")).toMatchObject({ "attest:target": "link", target: "urn:uuid:link-0" });
    expect(byId("note-reply")).toMatchObject({ motivation: "replying", target: "urn:uuid:note-link", creator: { type: "Person", name: "Ben Editor" } });
  });

  it("refuses a link to a claim the dossier does not hold", () => {
    expect(() => toWebAnnotations({ ...dossier, links: [{ ...dossier.links[0], claimId: "gone" }] })).toThrow(RangeError);
  });
});

describe("readWebAnnotations and placeWebAnnotations", () => {
  it("round-trips: export, import into a fresh dossier with the same documents, export again gives the same annotations", () => {
    const dossier = exampleExport();
    const exported = toWebAnnotations(dossier);
    const imported = readWebAnnotations(JSON.parse(JSON.stringify(exported)));
    const placement = placeWebAnnotations(imported, freshDossier(dossier));
    expect(placement.unplaced).toEqual([]);
    expect(placement.links).toHaveLength(dossier.links.length);
    expect(placement.notes).toHaveLength(dossier.annotations.length);
    expect(normalise(toWebAnnotations(storedExport(dossier, placement)))).toEqual(normalise(exported));
  });

  it("follows a link's passage into an edited source, and marks it changed when its own words changed", () => {
    const dossier = exampleExport();
    const imported = readWebAnnotations(toWebAnnotations(dossier));
    const fresh = freshDossier(dossier);
    const source = fresh.documents.find((d) => d.kind === "source")!;
    const link = dossier.links[0];
    const moved = `A new opening paragraph.\n\n${source.text}`;
    source.text = moved;
    source.hashes = ["sha256:other"];
    const placed = placeWebAnnotations(imported, fresh).links.find((l) => l.importId === `urn:uuid:${link.id}`)!;
    expect(placed.span).toMatchObject({ start: link.start + 26, end: link.end + 26, status: "anchored" });

    const lastWord = link.exact.lastIndexOf(" ") + 1;
    source.text = `${dossier.documents.find((d) => d.kind === "source")!.text.slice(0, link.start + lastWord)}XYZ${dossier.documents.find((d) => d.kind === "source")!.text.slice(link.start + lastWord + 1)}`;
    const changed = placeWebAnnotations(imported, fresh).links.find((l) => l.importId === `urn:uuid:${link.id}`)!;
    expect(changed.span).toMatchObject({ status: "changed", previousExact: link.exact });
  });

  it("carries spans from an earlier version the dossier still holds to the latest through a diff of the two", () => {
    const dossier = exampleExport();
    const imported = readWebAnnotations(toWebAnnotations(dossier));
    const fresh = freshDossier(dossier);
    const source = fresh.documents.find((d) => d.kind === "source")!;
    const original = source.text;
    source.text = `A new opening paragraph.\n\n${original}`;
    source.hashes = ["sha256:latest", dossier.documents.find((d) => d.kind === "source")!.contentHash];
    source.earlier = [{ contentHash: source.hashes[1], text: original }];
    const placement = placeWebAnnotations(imported, fresh);
    expect(placement.unplaced).toEqual([]);
    for (const link of dossier.links) {
      const placed = placement.links.find((l) => l.importId === `urn:uuid:${link.id}`)!;
      expect(placed.span).toMatchObject({ start: link.start + 26, end: link.end + 26, status: "anchored" });
    }
  });

  it("leaves out, with the reason, what has no place in the dossier, and what hangs on it", () => {
    const dossier = exampleExport();
    const imported = readWebAnnotations(toWebAnnotations(dossier));
    const fresh = freshDossier(dossier);
    fresh.documents = fresh.documents.filter((d) => d.kind === "briefing");
    const placement = placeWebAnnotations(imported, fresh);
    expect(placement.links).toEqual([]);
    expect(placement.unplaced.filter((u) => u.what === "link")).toHaveLength(dossier.links.length);
    expect(placement.unplaced[0].reason).toMatch(/^no document of this dossier matches urn:hash::sha256:/);
    expect(placement.unplaced.map((u) => u.id)).toEqual(expect.arrayContaining(["urn:uuid:note-span", "urn:uuid:note-link", "urn:uuid:note-reply"]));
    expect(placement.notes.map((n) => n.importId)).toEqual(["urn:uuid:note-claim"]);
  });

  it("reads a Hypothesis-style annotation (target list, plain body, no Attest fields) as a note on a span", () => {
    const dossier = exampleExport();
    const source = dossier.documents.find((d) => d.kind === "source")!;
    const start = source.text.indexOf("cartels");
    const hypothesis = [
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        id: "https://hypothes.is/a/abc123",
        created: "2026-10-01T00:00:00Z",
        creator: "acct:someone@hypothes.is",
        body: [{ type: "TextualBody", value: "Which cartels?", format: "text/markdown" }, { type: "TextualBody", purpose: "tagging", value: "question" }],
        target: [{ source: `urn:hash::${source.contentHash}`, selector: [{ type: "RangeSelector" }, { type: "TextQuoteSelector", exact: "cartels", prefix: source.text.slice(start - 20, start), suffix: source.text.slice(start + 7, start + 27) }] }],
      },
    ];
    const placement = placeWebAnnotations(readWebAnnotations(hypothesis), freshDossier(dossier));
    expect(placement.unplaced).toEqual([]);
    expect(placement.notes).toEqual([
      expect.objectContaining({ on: "span", text: "Which cartels?", tags: ["question"], richText: null, creator: null, span: expect.objectContaining({ start, end: start + 7, status: "anchored" }) }),
    ]);
  });

  const refusals: { name: string; input: unknown; message: RegExp }[] = [
    { name: "a value that is no collection, page or list", input: { hello: 1 }, message: /not a Web Annotation collection/ },
    { name: "a paged collection", input: { type: "AnnotationCollection", first: { items: [], next: "p2" } }, message: /several pages/ },
    { name: "an item that is not an Annotation", input: [{ type: "Note", target: "x" }], message: /^Annotation 1: type/ },
    {
      name: "a span without a quote",
      input: [{ type: "Annotation", body: { type: "TextualBody", value: "x" }, target: { source: "urn:x", selector: { type: "TextPositionSelector", start: 0, end: 3 } } }],
      message: /no TextQuoteSelector/,
    },
    { name: "a span note whose target is an id", input: [{ type: "Annotation", "attest:target": "span", target: "urn:uuid:x" }], message: /needs a span target/ },
  ];
  for (const { name, input, message } of refusals) {
    it(`refuses ${name}, saying why`, () => expect(() => readWebAnnotations(input)).toThrow(message));
  }

  it("keeps Attest's values when read as JSON-LD properties with absolute IRIs", () => {
    const item: WebAnnotation = toWebAnnotations(exampleExport()).first.items[0];
    const keys = Object.keys(item.body[2]).filter((k) => k.startsWith("attest:"));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(() => new URL(key)).not.toThrow();
  });
});
