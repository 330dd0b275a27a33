// Search: every source, briefing, claim and note of the reader's workspaces.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchResults } from "@/components/search-results.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { searchWorkspaces, type SearchResults as Results } from "@/server/search/search-workspaces.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(`/search?q=${encodeURIComponent(q)}`)}`);
  let results: Results | null = null;
  let problem: string | null = null;
  if (q.trim()) {
    try {
      results = await searchWorkspaces(await getDb(), { actor, search: { q, limit: 60 } });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "invalid_input") throw error;
      problem = error.message.replace(/^q: /, "");
    }
  }
  return (
    <div className="mx-auto max-w-3xl px-5 py-10">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Search</h1>
      <form role="search" action="/search" className="mb-2 flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search sources, briefings, claims and notes
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          placeholder="Words, “a phrase”, -excluded"
          className="min-w-0 flex-1 rounded-md border border-rule bg-panel px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-accent px-4 py-2 font-medium text-white dark:text-black">
          Search
        </button>
      </form>
      <p className="mb-8 text-sm text-muted">Sources, briefings, claims and notes of your workspaces; words match their other forms (analyst, analysts).</p>
      {problem ? <p role="alert">{problem}</p> : null}
      {results ? (
        <>
          <p className="mb-4 text-sm text-muted" role="status">
            {results.emptyQuery
              ? "Those words are too common to search for; add a more specific one."
              : results.hits.length === 0
                ? `Nothing matches “${results.query}”.`
                : `${results.hits.length} ${results.hits.length === 1 ? "place matches" : "places match"} “${results.query}”.`}
          </p>
          <SearchResults hits={results.hits} />
        </>
      ) : null}
    </div>
  );
}
