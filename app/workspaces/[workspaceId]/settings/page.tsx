// A workspace's members, invitations and settings; owners change them, other members see who is in.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InvitationPanel } from "@/components/workspace/invitation-panel.tsx";
import { LeaveWorkspaceButton } from "@/components/workspace/leave-workspace-button.tsx";
import { MemberList } from "@/components/workspace/member-list.tsx";
import { ViewersAnnotateToggle } from "@/components/workspace/viewers-annotate-toggle.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { getWorkspaceOrThrow, type WorkspaceView } from "@/server/workspaces/get-workspace-or-throw.ts";
import { listInvitations } from "@/server/workspaces/list-invitations.ts";
import { listMembers } from "@/server/workspaces/list-members.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members and settings" };

type Params = { params: Promise<{ workspaceId: string }> };

export default async function WorkspaceSettingsPage({ params }: Params) {
  const { workspaceId } = await params;
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(`/workspaces/${workspaceId}/settings`)}`);
  const db = await getDb();
  let workspace: WorkspaceView;
  try {
    workspace = await getWorkspaceOrThrow(db, { workspaceId, actor });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const members = await listMembers(db, { workspaceId, actor });
  const invitations = workspace.mayInvite ? await listInvitations(db, { workspaceId, actor }) : [];
  return (
    <div className="mx-auto max-w-3xl px-5 py-10">
      <p className="mb-1 text-sm text-muted">
        <Link href="/" className="hover:underline">
          Dossiers
        </Link>{" "}
        / {workspace.name}
      </p>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{workspace.name}</h1>
      <p className="mb-8 text-muted">
        Members and settings. Your role: <span className="font-medium text-ink">{workspace.role}</span>.
      </p>

      <section aria-labelledby="members" className="mb-10">
        <h2 id="members" className="mb-3 text-lg font-semibold">
          Members
        </h2>
        <MemberList workspaceId={workspace.id} members={members} youId={actor.userId} mayManage={workspace.mayManageMembers} />
      </section>

      {workspace.mayInvite ? (
        <section aria-labelledby="invitations" className="mb-10">
          <h2 id="invitations" className="mb-1 text-lg font-semibold">
            Invite by link
          </h2>
          <p className="mb-4 text-sm text-muted">Whoever opens the link and signs in joins with the role you choose. Each link works once.</p>
          <InvitationPanel workspaceId={workspace.id} invitations={invitations} />
        </section>
      ) : null}

      {workspace.mayChangeSettings ? (
        <section aria-labelledby="settings" className="mb-10">
          <h2 id="settings" className="mb-3 text-lg font-semibold">
            Settings
          </h2>
          <ViewersAnnotateToggle workspaceId={workspace.id} viewersMayAnnotate={workspace.viewersMayAnnotate} />
        </section>
      ) : (
        <p className="mb-10 text-sm text-muted">Viewers {workspace.viewersMayAnnotate ? "may" : "may not"} annotate in this workspace.</p>
      )}

      <section aria-labelledby="leave">
        <h2 id="leave" className="mb-3 text-lg font-semibold">
          Leave
        </h2>
        <LeaveWorkspaceButton workspaceId={workspace.id} workspaceName={workspace.name} />
      </section>
    </div>
  );
}
