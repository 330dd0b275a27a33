// Personal access tokens for the API.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiTokens } from "@/components/api-tokens.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { listWorkspaces } from "@/server/dossiers/list-workspaces.ts";
import { listApiTokens } from "@/server/tokens/list-api-tokens.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/settings/tokens");
  const db = await getDb();
  const [tokens, workspaces] = await Promise.all([listApiTokens(db, actor), listWorkspaces(db, actor, "dossier.read")]);
  return (
    <div className="mx-auto max-w-3xl px-5 py-10">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">API tokens</h1>
      <p className="mb-8 text-muted">
        A token lets a script use the API (<a href="/api/v1/openapi.json" className="underline">OpenAPI document</a>) in one workspace with one role —
        never more than yours, and it stops working if you lose that role.
      </p>
      <ApiTokens tokens={tokens} workspaces={workspaces} />
    </div>
  );
}
