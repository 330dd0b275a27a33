// GET who annotations in this dossier may mention, and whether the caller may annotate.
import { listAnnotationMembers } from "@/server/annotations/list-annotation-members.ts";
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) => listAnnotationMembers(await getDb(), { dossierId, actor }));
