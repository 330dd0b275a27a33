// My queue: the claims assigned to me for review, across my dossiers.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MyQueueList } from "@/components/review/my-queue-list.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { listMyQueue } from "@/server/reviews/list-my-queue.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent("/queue")}`);
  const claims = await listMyQueue(await getDb(), { actorId: actor.userId });
  return (
    <div className="mx-auto max-w-4xl px-5 py-8">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">My queue</h1>
      <p className="mb-6 text-muted">Claims assigned to you that are not settled yet. Each opens the reader at the claim.</p>
      <MyQueueList claims={claims} />
    </div>
  );
}
