// The load benches' dossier: a source and a briefing of N claims, each with one suggested link.
import { importPlainText } from "@/core/import/import-plain-text.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "@/server/examples/example-workspace-slug.ts";
import { claimRows } from "../claim-rows.ts";

/** A dossier of `count` claims, each with one suggested link into the source; returns its id. */
export async function seedLoadDossier(url: string, count: number): Promise<{ dossierId: string; links: { id: string; claimId: string }[] }> {
  const { prisma, database } = await connectDatabase({ kind: "postgres", url }, { seed: false });
  try {
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: EXAMPLE_WORKSPACE_SLUG } });
    const sentences = Array.from({ length: count }, (_, i) => `Officials reported ${i + 10} new border crossings in district ${i + 1} during week ${(i % 52) + 1}.`);
    const source = importPlainText(sentences.map((s, i) => (i % 8 === 7 ? `${s}\n\n` : `${s} `)).join(""));
    const briefing = importPlainText(sentences.map((s) => s.replace("Officials reported", "The briefing says officials saw")).join(" "));
    return await prisma.$transaction(
      async (tx) => {
        const dossier = await tx.dossier.create({ data: { workspaceId: workspace.id, title: "Load dossier", slug: "load" } });
        const src = await createDocument(tx, { dossierId: dossier.id, kind: "source", title: "Load source", text: source });
        const brief = await createDocument(tx, { dossierId: dossier.id, kind: "briefing", title: "Load briefing", text: briefing });
        await tx.claim.createMany({ data: claimRows(brief, sentences.map((s) => s.replace("Officials reported", "The briefing says officials saw")), "number") });
        const claims = await tx.claim.findMany({ where: { dossierId: dossier.id }, orderBy: { order: "asc" }, select: { id: true } });
        await tx.link.createMany({
          data: sentences.map((sentence, i) => {
            const start = source.text.indexOf(sentence);
            return {
              claimId: claims[i].id,
              versionId: src.version.id,
              exact: sentence,
              prefix: source.text.slice(Math.max(0, start - 32), start),
              suffix: source.text.slice(start + sentence.length, start + sentence.length + 32),
              start,
              end: start + sentence.length,
              origin: "suggested" as const,
              score: 0.8,
              rank: 0,
              state: "suggested" as const,
            };
          }),
        });
        const links = await tx.link.findMany({ where: { claim: { dossierId: dossier.id } }, select: { id: true, claimId: true } });
        const order = new Map(claims.map((c, i) => [c.id, i]));
        links.sort((a, b) => order.get(a.claimId)! - order.get(b.claimId)!);
        return { dossierId: dossier.id, links };
      },
      { timeout: 120_000 },
    );
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}
