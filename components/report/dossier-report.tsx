// The printable report of a dossier: coverage first, then each claim with its evidence, verdict and review state.
import Link from "next/link";
import { claimEvidence } from "@/core/export/claim-evidence.ts";
import { CLAIM_STATE_WORDS, linkWords, REVIEW_STATE_WORDS } from "@/core/export/state-words.ts";
import { CLAIM_STATES } from "@/core/review/claim-state.ts";
import type { ClaimView, DossierView, LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { PrintButton } from "./print-button.tsx";

const MARKER: Record<string, string> = { backed: "✓", partial: "◐", contradicted: "✗", suggested: "?", unbacked: "∅", unreviewed: "·" };

/** The report as one page that reads on screen and prints on A4 or Letter without the app's chrome. */
export function DossierReport({ dossier, generatedAt }: { dossier: DossierView; generatedAt: Date }) {
  const sources = new Map(dossier.sources.map((s) => [s.id, s.title]));
  const { coverage } = dossier;
  const total = Math.max(1, coverage.total);
  const sections = groupBySection(dossier.claims);
  return (
    <article className="report mx-auto max-w-[52rem] px-6 py-8" data-report>
      <nav className="report-actions mb-6 flex items-center gap-3 text-sm print:hidden" aria-label="Report">
        <Link href={`/dossiers/${dossier.id}`} className="text-accent underline">
          ← Back to the dossier
        </Link>
        <span className="ml-auto" />
        <PrintButton />
      </nav>
      <header className="mb-6 border-b border-rule pb-4">
        <p className="text-xs font-semibold uppercase tracking-wider text-muted">Coverage report</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{dossier.title}</h1>
        <p className="mt-2 text-sm text-muted">
          {dossier.briefings.map((b) => `Briefing: ${b.title} (version ${b.versionNumber})`).join(" · ")}
          <br />
          Sources: {dossier.sources.length ? dossier.sources.map((s) => `${s.title} (version ${s.versionNumber})`).join(" · ") : "none attached"}
          <br />
          {dossier.workspaceName} · generated {generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
        </p>
      </header>

      <section aria-labelledby="report-coverage" className="report-block mb-8">
        <h2 id="report-coverage" className="mb-3 text-lg font-semibold">
          Coverage: {coverage.backed + coverage.partial} of {coverage.total} claims backed{coverage.total ? ` (${Math.round(((coverage.backed + coverage.partial) / coverage.total) * 100)}%)` : ""}
        </h2>
        <div className="report-bar mb-3 flex h-3 overflow-hidden rounded-full border border-rule" aria-hidden="true">
          {CLAIM_STATES.map((s) => (coverage[s] ? <span key={s} className={`cov-fill cov-${s}`} style={{ width: `${(coverage[s] / total) * 100}%` }} /> : null))}
        </div>
        <table className="w-full text-sm">
          <tbody>
            {CLAIM_STATES.map((s) => (
              <tr key={s} className="border-b border-rule last:border-0">
                <th scope="row" className="py-1 text-left font-normal">
                  <span className={`cov-marker cov-${s}`} aria-hidden="true">
                    {MARKER[s]}
                  </span>{" "}
                  {CLAIM_STATE_WORDS[s]}
                </th>
                <td className="py-1 text-right tabular-nums">{coverage[s]}</td>
                <td className="w-16 py-1 text-right tabular-nums text-muted">{Math.round((coverage[s] / total) * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-claims">
        <h2 id="report-claims" className="mb-3 text-lg font-semibold">
          Claims and their evidence
        </h2>
        {sections.map(({ section, claims }) => (
          <section key={`${section}-${claims[0].id}`} className="mb-6">
            {section ? <h3 className="report-section mb-2 mt-4 text-base font-semibold">{section}</h3> : null}
            <ol className="space-y-4">
              {claims.map((claim) => (
                <ClaimEntry key={claim.id} claim={claim} number={dossier.claims.indexOf(claim) + 1} links={dossier.links} sources={sources} />
              ))}
            </ol>
          </section>
        ))}
      </section>
    </article>
  );
}

function ClaimEntry({ claim, number, links, sources }: { claim: ClaimView; number: number; links: LinkView[]; sources: Map<string, string> }) {
  const evidence = claimEvidence(claim.id, links);
  const orphaned = links.filter((l) => l.claimId === claim.id && l.state === "accepted" && l.anchorStatus === "orphaned");
  return (
    <li className="report-claim" data-claim-state={claim.state}>
      <p className="font-reading">
        <span className="mr-2 text-sm tabular-nums text-muted">{number}.</span>
        {claim.text}
      </p>
      <p className="mt-1 text-sm">
        <span className={`cov-marker cov-${claim.state}`} aria-hidden="true">
          {MARKER[claim.state]}
        </span>{" "}
        <strong>{CLAIM_STATE_WORDS[claim.state]}</strong>
        <span className="text-muted"> · Review: {REVIEW_STATE_WORDS[claim.reviewState] ?? claim.reviewState}</span>
      </p>
      {evidence.links.map((link) => (
        <blockquote key={link.id} className="mt-2 border-l-2 border-rule pl-3 text-sm">
          <p className="font-reading">“{link.exact}”</p>
          <footer className="mt-0.5 text-muted">
            {linkWords(link)} · {sources.get(link.documentId) ?? "a source"}
            {link.anchorStatus === "changed" ? " · the passage has changed since it was linked" : ""}
            {evidence.kind === "suggested" ? " · not reviewed" : ""}
          </footer>
        </blockquote>
      ))}
      {orphaned.map((link) => (
        <p key={link.id} className="mt-2 text-sm text-muted">
          A linked passage is no longer found in {sources.get(link.documentId) ?? "its source"} (it read “{link.previousExact ?? link.exact}”).
        </p>
      ))}
      {evidence.kind === "none" && orphaned.length === 0 ? <p className="mt-1 text-sm text-muted">No passage of the attached sources is linked to this claim.</p> : null}
    </li>
  );
}

function groupBySection(claims: ClaimView[]): { section: string | null; claims: ClaimView[] }[] {
  const groups: { section: string | null; claims: ClaimView[] }[] = [];
  for (const claim of claims) {
    const last = groups.at(-1);
    if (last && last.section === claim.section) last.claims.push(claim);
    else groups.push({ section: claim.section, claims: [claim] });
  }
  return groups;
}
