// Stores a new document of a dossier with its first version.
import type { TextDocument } from "@/core/text/types.ts";
import type { Tx } from "../db.ts";
import type { DocumentKind } from "../generated/prisma/client.ts";
import { writePassages } from "../search/write-passages.ts";

/** What a new document needs besides its text. */
export interface NewDocument {
  dossierId: string;
  kind: DocumentKind;
  title: string;
  text: TextDocument;
  originUrl?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  provenance?: string | null;
  embeddedInId?: string | null;
  createdById?: string | null;
}

/** Creates the document and its version 1 inside the caller's transaction; placed after its kind's others. */
export async function createDocument(tx: Tx, input: NewDocument) {
  const position = await tx.document.count({ where: { dossierId: input.dossierId, kind: input.kind } });
  const document = await tx.document.create({
    data: {
      dossierId: input.dossierId,
      kind: input.kind,
      title: input.title,
      format: input.text.format,
      originUrl: input.originUrl ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
      provenance: input.provenance ?? null,
      embeddedInId: input.embeddedInId ?? null,
      position,
    },
  });
  const version = await tx.documentVersion.create({
    data: {
      documentId: document.id,
      number: 1,
      text: input.text.text,
      blocks: input.text.blocks as object[],
      contentHash: input.text.hash,
      createdById: input.createdById ?? null,
    },
  });
  await writePassages(tx, { id: version.id, documentId: document.id, text: input.text.text, blocks: input.text.blocks });
  return { document, version };
}
