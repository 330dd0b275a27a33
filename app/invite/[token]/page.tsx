// An invitation link: what it offers, and a way in — sign in or create an account, then accept.
import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton } from "@/components/workspace/accept-invitation-button.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { getInvitation, type InvitationPreview } from "@/server/workspaces/get-invitation.ts";
import { roleRank } from "@/server/workspaces/role-rank.ts";
import { ROLE_HINT } from "@/components/workspace/role-label.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

type Params = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Params) {
  const { token } = await params;
  const actor = await getRequestActor();
  let invitation: InvitationPreview;
  try {
    invitation = await getInvitation(await getDb(), { token, actor });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
    return (
      <Frame title="This invitation link does not work">
        <p className="text-muted">{error.message}</p>
      </Frame>
    );
  }
  const here = `/invite/${token}`;
  if (invitation.problem) {
    return (
      <Frame title="This invitation can no longer be used">
        <p role="alert" className="mb-4">
          {invitation.problem}
        </p>
        {invitation.yourRole ? (
          <p className="text-muted">
            You are a member of {invitation.workspaceName} as {invitation.yourRole}.{" "}
            <Link href="/" className="text-accent underline">
              Open your dossiers
            </Link>
            .
          </p>
        ) : null}
      </Frame>
    );
  }
  return (
    <Frame title={`Join ${invitation.workspaceName}`}>
      <p className="mb-6">
        {invitation.invitedByName ? `${invitation.invitedByName} invites you` : "You are invited"} to{" "}
        <span className="font-medium">{invitation.workspaceName}</span> as <span className="font-medium">{invitation.role}</span>{" "}
        <span className="text-muted">({ROLE_HINT[invitation.role]})</span>. The link works until {invitation.expiresAt.slice(0, 16).replace("T", " ")} UTC.
      </p>
      {actor.kind !== "user" ? (
        <p className="flex flex-wrap gap-3">
          <Link href={`/sign-up?next=${encodeURIComponent(here)}`} className="rounded-md bg-accent px-4 py-2 font-medium text-white dark:text-black">
            Create an account to join
          </Link>
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className="rounded-md border border-rule px-4 py-2 font-medium">
            Sign in to join
          </Link>
        </p>
      ) : invitation.yourRole && roleRank(invitation.yourRole) >= roleRank(invitation.role) ? (
        <p className="text-muted">
          You are already a member of {invitation.workspaceName} as {invitation.yourRole}, so this invitation would not change anything.{" "}
          <Link href="/" className="text-accent underline">
            Open your dossiers
          </Link>
          .
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm text-muted">
            Signed in as {actor.name} ({actor.email}).
            {invitation.yourRole ? ` Your role will go from ${invitation.yourRole} to ${invitation.role}.` : ""}
          </p>
          <AcceptInvitationButton token={token} workspaceName={invitation.workspaceName} />
        </>
      )}
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-5 py-14">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
