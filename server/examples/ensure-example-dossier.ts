// Seeds a fresh install with the example workspace and its dossier, once, all or nothing.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import type { Db } from "../db.ts";
import { createDocument } from "../documents/create-document.ts";
import { storeExtractedClaims } from "../claims/store-extracted-claims.ts";
import { scheduleSuggestions } from "../suggestions/schedule-suggestions.ts";
import { readExampleManifest } from "./example-manifest.ts";
import { EXAMPLE_DOSSIER_SLUG, EXAMPLE_WORKSPACE_SLUG } from "./example-workspace-slug.ts";

const EXAMPLE = EXAMPLE_DOSSIER_SLUG;

/** Creates the example workspace and dossier unless the workspace already exists. */
export async function ensureExampleDossier(db: Db): Promise<void> {
  if (await db.workspace.findUnique({ where: { slug: EXAMPLE_WORKSPACE_SLUG } })) return;
  const manifest = readExampleManifest(EXAMPLE);
  const post = readFileSync(path.join(manifest.dir, manifest.file), "utf8");
  const split = splitEmbeddedDocument(post, manifest.briefing.startsAtLine, manifest.briefing.endsBeforeLine);
  if (!split) throw new Error(`examples/${EXAMPLE}: no line starts with "${manifest.briefing.startsAtLine}"`);
  const sourceText = importPlainText(split.host);
  const briefingText = importPlainText(split.embedded);
  try {
    await db.$transaction(
      async (tx) => {
        const workspace = await tx.workspace.create({ data: { name: "Example workspace", slug: EXAMPLE_WORKSPACE_SLUG } });
        const dossier = await tx.dossier.create({
          // Published on a fresh install, so a newcomer can read it before making an account.
          data: { workspaceId: workspace.id, title: manifest.title, slug: EXAMPLE, publishToken: randomBytes(18).toString("base64url") },
        });
        const source = await createDocument(tx, {
          dossierId: dossier.id,
          kind: "source",
          title: manifest.source.title,
          author: manifest.source.author,
          originUrl: manifest.source.originUrl,
          text: sourceText,
        });
        const briefing = await createDocument(tx, {
          dossierId: dossier.id,
          kind: "briefing",
          title: manifest.briefing.title,
          provenance: manifest.briefing.provenance,
          embeddedInId: source.document.id,
          text: briefingText,
        });
        await storeExtractedClaims(tx, {
          dossierId: dossier.id,
          documentId: briefing.document.id,
          version: briefing.version,
          text: briefingText,
        });
        await scheduleSuggestions(tx, dossier.id);
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Another process seeding at the same moment won the race: its example is as good as ours.
    if ((error as { code?: string }).code === "P2002") return;
    throw error;
  }
}
