// Request bodies over the limit: refused from their Content-Length before any byte is read, or cut off while a chunked body is counted.
import { describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route.ts";
import * as linksRoute from "@/app/api/v1/claims/[claimId]/links/route.ts";
import * as importRoute from "@/app/api/v1/dossiers/[dossierId]/import/route.ts";
import * as sourcesRoute from "@/app/api/v1/dossiers/[dossierId]/sources/route.ts";
import { MAX_IMPORT_BYTES } from "@/server/exports/export-schemas.ts";
import { MAX_AUTH_BODY_BYTES } from "@/server/http/check-content-length.ts";
import { MAX_UPLOAD_BYTES, readDocumentRequest } from "@/server/http/read-document-request.ts";
import { MAX_JSON_BYTES, readJson } from "@/server/http/read-json.ts";

const ORIGIN = "http://localhost:3000";
const CHUNK = 64 * 1024;
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const someId = "00000000-0000-4000-8000-000000000000";

/** A body stream of `total` bytes in 64 KB chunks that counts how many bytes were pulled from it. */
function countedStream(total: number, fill = 0x20): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(CHUNK, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(fill));
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => sent, cancelled: () => cancelled };
}

function request(body: ReadableStream<Uint8Array> | string, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}/api/v1/x`, { method: "POST", body, headers: { origin: ORIGIN, ...headers }, duplex: "half" } as RequestInit);
}

async function expectTooLarge(response: Response): Promise<void> {
  expect(response.status).toBe(413);
  expect((await response.json()).error.code).toBe("too_large");
}

describe("a Content-Length over the limit is refused before the body is read", () => {
  const routes = [
    { name: "a JSON route (claim links)", call: (r: Request) => linksRoute.POST(r, params({ claimId: someId })), limit: MAX_JSON_BYTES },
    { name: "the upload route (sources)", call: (r: Request) => sourcesRoute.POST(r, params({ dossierId: someId })), limit: MAX_UPLOAD_BYTES },
    { name: "the import route", call: (r: Request) => importRoute.POST(r, params({ dossierId: someId })), limit: MAX_IMPORT_BYTES },
    { name: "the auth route (sign-in)", call: (r: Request) => authRoute.POST(r), limit: MAX_AUTH_BODY_BYTES },
  ];
  for (const { name, call, limit } of routes) {
    it(`${name}: 413 for a declared ${limit + 1} bytes, with no byte of the small body pulled`, async () => {
      const body = countedStream(10);
      const response = await call(request(body.stream, { "content-type": "application/json", "content-length": String(limit + 1) }));
      await expectTooLarge(response);
      expect(body.pulled()).toBe(0);
    });
  }

  it("says what the limit is", async () => {
    const response = await linksRoute.POST(request("{}", { "content-type": "application/json", "content-length": String(10 * 1024 * 1024 * 1024) }), params({ claimId: someId }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe("The request body is too large (the limit is 6 MB).");
  });
});

describe("a chunked body without Content-Length is counted while read and cut off at the limit", () => {
  const readers = [
    { name: "readJson", read: (r: Request) => readJson(r, 256 * 1024), limit: 256 * 1024, type: "application/json" },
    { name: "readDocumentRequest (multipart)", read: (r: Request) => readDocumentRequest(r), limit: MAX_UPLOAD_BYTES, type: "multipart/form-data; boundary=x" },
  ];
  for (const { name, read, limit, type } of readers) {
    it(`${name}: too_large once ${limit} bytes are passed, the rest of the stream cancelled`, async () => {
      const body = countedStream(limit * 4);
      await expect(read(request(body.stream, { "content-type": type }))).rejects.toMatchObject({ code: "too_large" });
      expect(body.pulled()).toBeLessThanOrEqual(limit + 2 * CHUNK);
      expect(body.cancelled()).toBe(true);
    });
  }

  it("the auth route answers 413 to a chunked sign-in body over its limit", async () => {
    const body = countedStream(MAX_AUTH_BODY_BYTES * 8);
    await expectTooLarge(await authRoute.POST(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", body: body.stream, headers: { origin: ORIGIN, "content-type": "application/json" }, duplex: "half" } as RequestInit)));
    expect(body.pulled()).toBeLessThanOrEqual(MAX_AUTH_BODY_BYTES + 2 * CHUNK);
  });

  it("a body within the limit is read whole, chunked or not", async () => {
    const text = JSON.stringify({ words: "x".repeat(200 * 1024) });
    const encoder = new TextEncoder();
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < text.length; i += 10_000) controller.enqueue(encoder.encode(text.slice(i, i + 10_000)));
        controller.close();
      },
    });
    expect(await readJson(request(chunked, { "content-type": "application/json" }), 256 * 1024)).toEqual(JSON.parse(text));
    expect(await readJson(request(text, { "content-type": "application/json" }), 256 * 1024)).toEqual(JSON.parse(text));
  });

  it("a multipart form within the limit is read as before", async () => {
    const form = new FormData();
    form.set("from", "text");
    form.set("text", "A claim.");
    form.set("title", "Notes");
    const read = await readDocumentRequest(new Request(`${ORIGIN}/`, { method: "POST", body: form }));
    expect(read).toEqual({ document: { from: "text", text: "A claim.", format: undefined }, metadata: { title: "Notes", author: undefined } });
  });
});
