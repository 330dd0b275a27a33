// People for the review tests: an owner and reviewers in the example workspace, and an outsider.
import type { Db } from "@/server/db.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";

/** A user made for a test, and the actor the use cases that authorise expect. */
export interface Person {
  id: string;
  name: string;
  /** As the use cases that authorise take it (a signed-in user). */
  actor: { kind: "user"; userId: string; name: string; email: string };
}

/** The example dossier with its people. */
export interface ReviewFixture {
  t: TestDatabase;
  db: Db;
  dossierId: string;
  workspaceId: string;
  owner: Person;
  ada: Person;
  ben: Person;
  /** A member of another workspace only. */
  outsider: Person;
  /** A second dossier, in the outsider's workspace. */
  otherDossierId: string;
}

async function person(db: Db, name: string, workspaceId: string, role: "owner" | "reviewer" | "editor"): Promise<Person> {
  const email = `${name.toLowerCase()}@example.org`;
  const user = await db.user.create({ data: { email, name } });
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { id: user.id, name, actor: { kind: "user", userId: user.id, name, email } };
}

/** A fresh seeded database with Olivia (owner), Ada and Ben (reviewers) and Zed elsewhere. */
export async function createReviewFixture(): Promise<ReviewFixture> {
  const t = await createTestDatabase({ seed: true });
  const db = t.db;
  const dossier = await db.dossier.findFirstOrThrow();
  const owner = await person(db, "Olivia", dossier.workspaceId, "owner");
  const ada = await person(db, "Ada", dossier.workspaceId, "reviewer");
  const ben = await person(db, "Ben", dossier.workspaceId, "reviewer");
  const elsewhere = await db.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere" } });
  const outsider = await person(db, "Zed", elsewhere.id, "owner");
  const other = await db.dossier.create({ data: { workspaceId: elsewhere.id, title: "Another dossier", slug: "another" } });
  const document = await db.document.create({ data: { dossierId: other.id, kind: "briefing", title: "B", format: "text" } });
  const version = await db.documentVersion.create({
    data: { documentId: document.id, number: 1, text: "One claim.", blocks: [], contentHash: "sha256:x" },
  });
  await db.claim.create({
    data: { dossierId: other.id, documentId: document.id, versionId: version.id, start: 0, end: 10, text: "One claim.", kind: "statement", order: 0 },
  });
  return { t, db, dossierId: dossier.id, workspaceId: dossier.workspaceId, owner, ada, ben, outsider, otherDossierId: other.id };
}
