// GET a dossier as the reader shows it.
import { getDb } from "@/server/db.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { handleRoute } from "@/server/http/handle-route.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ dossierId: string }>(async (_request, { dossierId }, actor) => getDossierOrThrow(await getDb(), dossierId, actor));
