import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedDossierOrThrow, type DossierView, type LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { packDossierView, unpackDossierView } from "@/server/dossiers/pack-dossier-view.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe("packDossierView", () => {
  let t: TestDatabase;
  let view: DossierView;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    const { publishToken } = await t.db.dossier.findFirstOrThrow({ where: { publishToken: { not: null } } });
    view = await getPublishedDossierOrThrow(t.db, publishToken!);
  });
  afterAll(async () => t?.drop());

  it("gives back the example dossier exactly", () => {
    expect(view.links.length).toBeGreaterThan(0);
    expect(unpackDossierView(JSON.parse(JSON.stringify(packDossierView(view))))).toEqual(view);
  });

  it("leaves out the quotes the source text holds and the claim texts the briefing holds, and weighs less", () => {
    const packed = packDossierView(view);
    expect(packed.links.every((row) => row[12] === null)).toBe(true);
    expect(view.claims.length).toBeGreaterThan(0);
    expect(packed.claims.every((row) => row[4] === null)).toBe(true);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(view).length);
  });

  const source = () => view.sources[0];
  const variants: { name: string; change: (link: LinkView) => LinkView }[] = [
    { name: "an orphaned link", change: (l) => ({ ...l, anchorStatus: "orphaned", previousExact: l.exact }) },
    { name: "a link on an earlier version", change: (l) => ({ ...l, versionId: "00000000-0000-4000-8000-000000000001", onLatestVersion: false }) },
    { name: "a link whose quote differs from the text at its offsets", change: (l) => ({ ...l, exact: `${l.exact}!` }) },
  ];
  for (const { name, change } of variants) {
    it(`keeps the quote of ${name}`, () => {
      const first = view.links.find((l) => l.documentId === source().id)!;
      const changed = { ...view, links: view.links.map((l) => (l.id === first.id ? change(l) : l)) };
      const packed = packDossierView(changed);
      expect(packed.links.find((row) => row[0] === first.id)![12]).toBe(change(first).exact);
      expect(unpackDossierView(packed)).toEqual(changed);
    });
  }

  it("keeps the text of a claim its document does not read at its offsets", () => {
    const first = view.claims[0];
    const changed = { ...view, claims: view.claims.map((c) => (c.id === first.id ? { ...c, text: `${c.text}!` } : c)) };
    const packed = packDossierView(changed);
    expect(packed.claims[0][4]).toBe(`${first.text}!`);
    expect(unpackDossierView(JSON.parse(JSON.stringify(packed)))).toEqual(changed);
  });

  it("refuses a link whose claim is not in the dossier", () => {
    const stray = { ...view, links: [{ ...view.links[0], claimId: "no-such-claim" }] };
    expect(() => packDossierView(stray)).toThrow(RangeError);
  });
});
