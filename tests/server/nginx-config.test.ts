// deploy/nginx.conf: what the app relies on from its proxy is there, and nginx accepts the file as bench:scale renders it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderNginxSite } from "@/bench/start-nginx.ts";
import { MAX_IMPORT_BYTES } from "@/server/exports/export-schemas.ts";
import { MAX_UPLOAD_BYTES } from "@/server/http/read-document-request.ts";
import { MAX_JSON_BYTES } from "@/server/http/read-json.ts";

const template = readFileSync(path.resolve(import.meta.dirname, "../../deploy/nginx.conf"), "utf8");
const hasNginx = spawnSync("/usr/sbin/nginx", ["-v"]).status === 0;
/** The directives of `text`, comments dropped, one per entry. */
const directives = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
const eventsBlock = (text: string) => /location ~ \^\/api\/v1\/dossiers\/\[\^\/\]\+\/events\$ \{([\s\S]*?)\}/.exec(text)?.[1] ?? "";

describe("deploy/nginx.conf", () => {
  it("lets through the app's largest body and no more (each route keeps its own smaller limit)", () => {
    const size = /client_max_body_size (\d+)m;/.exec(template);
    expect(Number(size?.[1]) * 1024 * 1024).toBe(MAX_IMPORT_BYTES);
    expect(MAX_IMPORT_BYTES).toBeGreaterThanOrEqual(Math.max(MAX_UPLOAD_BYTES, MAX_JSON_BYTES));
  });

  it("replaces X-Forwarded-For with the client's address and passes the scheme and host on", () => {
    const lines = directives(template);
    expect(lines).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(lines).not.toContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    expect(lines).toContain("proxy_set_header X-Forwarded-Proto $scheme;");
    expect(lines).toContain("proxy_set_header Host $http_host;");
  });

  it("retries only connection errors and time-outs, never a request already sent that is not idempotent, never a 5xx", () => {
    const retry = directives(template).filter((line) => line.startsWith("proxy_next_upstream "));
    expect(retry).toContain("proxy_next_upstream error timeout;");
    for (const line of retry) expect(line).not.toMatch(/non_idempotent|http_5\d\d/);
  });

  it("streams dossier events unbuffered with a long read timeout", () => {
    const block = directives(eventsBlock(template));
    expect(block).toContain("proxy_buffering off;");
    expect(block).toContain("proxy_read_timeout 1h;");
    expect("/api/v1/dossiers/0b6f0f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/events").toMatch(/^\/api\/v1\/dossiers\/[^/]+\/events$/);
  });

  it("passes the co-editing WebSocket's upgrade on, with a long read timeout and no retry", () => {
    const block = directives(/location = \/collab \{([\s\S]*?)\}/.exec(template)?.[1] ?? "");
    expect(block).toContain("proxy_set_header Upgrade $http_upgrade;");
    expect(block).toContain('proxy_set_header Connection "upgrade";');
    expect(block).toContain("proxy_read_timeout 1h;");
    expect(block).toContain("proxy_next_upstream off;");
  });

  it("marks every instance for passive health checks", () => {
    const servers = directives(template).filter((line) => /^server [^{]/.test(line));
    expect(servers.length).toBeGreaterThanOrEqual(2);
    for (const line of servers) expect(line).toMatch(/ max_fails=\d+ fail_timeout=\d+s;$/);
  });

  it("renders for bench:scale with only the upstream servers and the listen address changed", () => {
    const site = renderNginxSite(["127.0.0.1:4001", "127.0.0.1:4002", "127.0.0.1:4003"], 8099, template);
    const servers = directives(site).filter((line) => /^server [^{]/.test(line));
    expect(servers).toEqual(["127.0.0.1:4001", "127.0.0.1:4002", "127.0.0.1:4003"].map((s) => `server ${s} max_fails=3 fail_timeout=10s;`));
    expect(directives(site)).toContain("listen 127.0.0.1:8099;");
    const rest = (text: string) => directives(text).filter((line) => !/^server [^{]/.test(line) && !line.startsWith("listen "));
    expect(rest(site)).toEqual(rest(template));
  });

  it.skipIf(!hasNginx)("is accepted by nginx -t", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "attest-nginx-test-"));
    chmodSync(folder, 0o755);
    writeFileSync(path.join(folder, "attest.conf"), renderNginxSite(["127.0.0.1:4001", "127.0.0.1:4002"], 8099, template));
    const main = path.join(folder, "nginx.conf");
    writeFileSync(main, `pid ${folder}/nginx.pid;\nerror_log ${folder}/error.log;\nevents {}\nhttp {\n  proxy_temp_path ${folder}/proxy;\n  client_body_temp_path ${folder}/body;\n  include ${folder}/attest.conf;\n}\n`);
    const result = spawnSync("/usr/sbin/nginx", ["-t", "-p", folder, "-c", main], { encoding: "utf8" });
    expect(result.stderr).toContain("test is successful");
    expect(result.status).toBe(0);
  });
});
