// GET a dossier's annotation threads in document order (?status=open|resolved|all&tag=&authorId=); POST a new thread or a reply.
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { listAnnotations } from "@/server/annotations/list-annotations.ts";
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) => {
  const query = new URL(request.url).searchParams;
  const filter = Object.fromEntries(["status", "tag", "authorId"].flatMap((k) => (query.has(k) ? [[k, query.get(k)]] : [])));
  return listAnnotations(await getDb(), { dossierId, filter, actor });
});

export const POST = handleRoute<{ dossierId: string }>(
  async (request, { dossierId }, actor) => createAnnotation(await getDb(), { dossierId, annotation: (await readJson(request)) as never, actor }),
  { status: 201 },
);
