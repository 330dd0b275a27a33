// How each pair of reviewers agree: the claims both reviewed, the share with the same verdict, and Cohen's kappa in words.
import type { PairAgreement } from "@/server/reviews/get-agreement.ts";
import { kappaWords } from "./review-words.ts";

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function AgreementSummary({ pairs }: { pairs: readonly PairAgreement[] }) {
  if (pairs.length === 0) {
    return <p className="text-sm text-muted">Agreement appears once two reviewers have each given verdicts in this dossier.</p>;
  }
  return (
    <ul className="space-y-3 text-sm" data-agreement>
      {pairs.map(({ reviewers: [a, b], claims, observedAgreement, kappa }) => (
        <li key={`${a.id}:${b.id}`}>
          <p className="font-medium">
            {a.name} and {b.name}
          </p>
          <p>
            <span className="tabular-nums" data-kappa>
              κ = {kappa === null ? "—" : kappa.toFixed(2)}
            </span>
            <span className="text-muted">
              {" "}
              over {claims} claim{claims === 1 ? "" : "s"} both reviewed
              {observedAgreement === null ? "" : `, same verdict on ${percent(observedAgreement)}`}
            </span>
          </p>
          <p className="text-xs text-muted">{kappaWords(kappa, observedAgreement)}</p>
        </li>
      ))}
    </ul>
  );
}
