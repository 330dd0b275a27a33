// The live routes as Next.js calls them: the event stream and presence beats, with their access rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decisionRoute from "@/app/api/v1/links/[linkId]/decision/route.ts";
import * as eventsRoute from "@/app/api/v1/dossiers/[dossierId]/events/route.ts";
import * as presenceRoute from "@/app/api/v1/dossiers/[dossierId]/presence/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { serveTestDatabase, signUpThroughRoute } from "../route-session.ts";

const ORIGIN = "http://localhost:3000";
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

const signUp = async (email: string) => (await signUpThroughRoute(email)).cookie;

/** Reads the stream until `until` matches what was read, or fails after a few seconds. */
async function readUntil(reader: ReadableStreamDefaultReader<string>, until: RegExp, seen = { text: "" }): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (!until.test(seen.text)) {
    if (Date.now() > deadline) throw new Error(`not in the stream: ${until}\n${seen.text}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${until}\n${seen.text}`);
    seen.text += value;
  }
  return seen.text;
}

describe("live routes", () => {
  let t: TestDatabase;
  let dossierId: string;
  let owner = "";
  let outsider = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    owner = await signUp("owner@example.test");
    // A later account has a workspace of its own and no access to the example.
    outsider = await signUp("outsider@example.test");
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  const events = (cookie: string, id = dossierId, signal?: AbortSignal, tab?: string) =>
    eventsRoute.GET(new Request(`${ORIGIN}/api/v1/dossiers/${id}/events${tab ? `?tab=${tab}` : ""}`, { headers: { cookie }, signal }), params({ dossierId: id }));
  const presence = (cookie: string, body: unknown, id = dossierId) =>
    presenceRoute.POST(
      new Request(`${ORIGIN}/`, { method: "POST", headers: { "content-type": "application/json", cookie, origin: ORIGIN }, body: JSON.stringify(body) }),
      params({ dossierId: id }),
    );

  const refusals = [
    { name: "someone signed out", cookie: () => "", id: () => dossierId, status: 401 },
    { name: "a member of another workspace", cookie: () => outsider, id: () => dossierId, status: 404 },
    { name: "an unknown dossier", cookie: () => owner, id: () => UNKNOWN, status: 404 },
    { name: "a malformed dossier id", cookie: () => owner, id: () => "nope", status: 400 },
  ];
  for (const { name, cookie, id, status } of refusals) {
    it(`refuses the event stream to ${name} (${status})`, async () => {
      const response = await events(cookie(), id());
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/json");
    });
    it(`refuses a presence beat from ${name} (${status})`, async () => {
      const response = await presence(cookie(), { claimId: null, tab: "tab-12345678" }, id());
      expect(response.status).toBe(status);
    });
  }

  it("refuses a beat naming a claim of another dossier, or a malformed tab", async () => {
    expect((await presence(owner, { claimId: UNKNOWN, tab: "tab-12345678" })).status).toBe(404);
    expect((await presence(owner, { claimId: null, tab: "x" })).status).toBe(400);
  });

  it("streams who you are, who is here, and every committed change; a closed stream says its tab left", async () => {
    const abort = new AbortController();
    const response = await events(owner, dossierId, abort.signal, "tab-streaming");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const seen = { text: "" };
    await readUntil(reader, /event: hello\ndata: \{"userId":"[^"]+"\}\n\n/, seen);
    await readUntil(reader, /event: presence\ndata: \{"viewers":\[\]\}\n\n/, seen);

    const claim = await t.db.claim.findFirstOrThrow({ where: { dossierId } });
    expect((await presence(owner, { claimId: claim.id, tab: "tab-streaming" })).status).toBe(200);
    await readUntil(reader, new RegExp(`"viewers":\\[\\{"userId":"[^"]+","name":"owner","claimId":"${claim.id}"\\}\\]`), seen);

    const link = await t.db.link.findFirstOrThrow({ where: { claim: { dossierId } } });
    const decided = await decisionRoute.POST(
      new Request(`${ORIGIN}/`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: owner, origin: ORIGIN },
        body: JSON.stringify({ state: "rejected", revision: link.revision }),
      }),
      params({ linkId: link.id }),
    );
    expect(decided.status).toBe(200);
    await readUntil(reader, new RegExp(`event: change\ndata: \\{"type":"change","dossierId":"${dossierId}","action":"link.rejected","entityType":"link","entityId":"${link.id}"`), seen);

    // A second stream sees the first one's tab leave when it closes.
    const watcherAbort = new AbortController();
    const watcher = (await events(owner, dossierId, watcherAbort.signal)).body!.pipeThrough(new TextDecoderStream()).getReader();
    const watched = { text: "" };
    await readUntil(watcher, /"claimId":"/, watched);
    abort.abort();
    await readUntil(watcher, /event: presence\ndata: \{"viewers":\[\]\}\n\n$/, watched);
    watcherAbort.abort();
  });
});
