"use client";
// The dossier page: the briefing on the left, the sources in tabs on the right, each scrolling on its own.
import { Tabs } from "radix-ui";
import type { DossierView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { DocumentBody } from "./document-body.tsx";

/** Briefing and sources side by side. */
export function DossierReader({ dossier }: { dossier: DossierView }) {
  const briefing = dossier.briefings[0];
  const marks = briefing
    ? dossier.claims.filter((c) => c.documentId === briefing.id).map((c) => ({ id: c.id, start: c.start, end: c.end }))
    : [];
  return (
    <div className="flex flex-col lg:h-[calc(100vh-3rem)]">
      <div className="border-b border-rule bg-panel px-5 py-3">
        <h1 className="text-lg font-semibold tracking-tight">{dossier.title}</h1>
        {briefing?.provenance ? <p className="mt-0.5 text-sm text-muted">Briefing: {briefing.provenance}</p> : null}
      </div>
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        <section aria-label="Briefing" className="min-h-0 overflow-y-auto border-rule px-6 py-6 lg:w-[40%] lg:border-r" data-pane="briefing">
          <p className="mb-4 text-xs font-semibold uppercase tracking-wider text-muted">
            Briefing · {dossier.claims.length} claims
          </p>
          {briefing ? (
            <DocumentBody text={briefing.text} blocks={briefing.blocks} marks={marks} />
          ) : (
            <p className="text-muted">This dossier has no briefing yet.</p>
          )}
        </section>
        <section aria-label="Sources" className="flex min-h-0 flex-col lg:w-[60%]" data-pane="sources">
          {dossier.sources.length === 0 ? (
            <p className="px-6 py-6 text-muted">No source is attached yet.</p>
          ) : (
            <Tabs.Root defaultValue={dossier.sources[0].id} className="flex min-h-0 flex-1 flex-col">
              <Tabs.List aria-label="Sources" className="flex gap-1 border-b border-rule bg-panel px-4">
                {dossier.sources.map((s) => (
                  <Tabs.Trigger
                    key={s.id}
                    value={s.id}
                    className="max-w-[18rem] truncate border-b-2 border-transparent px-3 py-2 text-sm text-muted data-[state=active]:border-accent data-[state=active]:text-ink"
                  >
                    {s.title}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              {dossier.sources.map((s) => (
                <Tabs.Content key={s.id} value={s.id} className="min-h-0 flex-1 overflow-y-auto px-8 py-6 outline-none">
                  <p className="mb-4 text-xs font-semibold uppercase tracking-wider text-muted">
                    Source{s.author ? ` · ${s.author}` : ""}
                  </p>
                  <DocumentBody text={s.text} blocks={s.blocks} />
                </Tabs.Content>
              ))}
            </Tabs.Root>
          )}
        </section>
      </div>
    </div>
  );
}
