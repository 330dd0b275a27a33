// Runs Debian's nginx for a bench: deploy/nginx.conf rendered for loopback instances, in a temporary folder, no root paths.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const TEMPLATE = path.resolve(import.meta.dirname, "..", "deploy", "nginx.conf");

/** A running nginx: its address, how to point it at other instances, and how to stop it. */
export interface RunningNginx {
  url: string;
  folder: string;
  /** Rewrites the upstream with `instances` (host:port) and reloads nginx (SIGHUP). */
  reload(instances: string[]): Promise<void>;
  stop(): Promise<void>;
  errorLog(): string;
}

/**
 * deploy/nginx.conf with its upstream servers replaced by `instances` and its `listen` by
 * 127.0.0.1:`port`; everything else (timeouts, retries, buffering, body limit) is kept as it is.
 */
export function renderNginxSite(instances: string[], port: number, template = readFileSync(TEMPLATE, "utf8")): string {
  const marker = /( *)# instances\n[\s\S]*?# instances\n/;
  const found = marker.exec(template);
  if (!found) throw new Error("deploy/nginx.conf has lost its `# instances` markers");
  const indent = found[1];
  const servers = instances.map((i) => `${indent}server ${i} max_fails=3 fail_timeout=10s;\n`).join("");
  const site = template.replace(marker, `${indent}# instances\n${servers}${indent}# instances\n`);
  if (!/^ *listen 8080;$/m.test(site)) throw new Error("deploy/nginx.conf has lost its `listen 8080;` line");
  return site.replace(/^( *)listen 8080;$/m, `$1listen 127.0.0.1:${port};`);
}

/** Starts nginx in the foreground of a child process on 127.0.0.1:`port`, in front of `instances`. */
export async function startNginx(port: number, instances: string[]): Promise<RunningNginx> {
  if (spawnSync(NGINX, ["-v"]).status !== 0) throw new Error(`nginx was not found at ${NGINX}: apt-get install -y nginx (or set NGINX_BIN)`);
  const folder = mkdtempSync(path.join(tmpdir(), "attest-nginx-"));
  // Run as root, nginx's workers drop to nobody: they must reach their temporary folders.
  chmodSync(folder, 0o755);
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(folder, dir));
  const site = path.join(folder, "attest.conf");
  writeFileSync(site, renderNginxSite(instances, port));
  const main = path.join(folder, "nginx.conf");
  writeFileSync(
    main,
    [
      "daemon off;",
      "worker_processes auto;",
      `pid ${folder}/nginx.pid;`,
      `error_log ${folder}/error.log warn;`,
      "events { worker_connections 4096; }",
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${folder}/body;`,
      `  proxy_temp_path ${folder}/proxy;`,
      `  fastcgi_temp_path ${folder}/fastcgi;`,
      `  uwsgi_temp_path ${folder}/uwsgi;`,
      `  scgi_temp_path ${folder}/scgi;`,
      // The bench reads which instance answered; the deployed configuration does not say.
      "  add_header X-Served-By $upstream_addr always;",
      `  include ${site};`,
      "}",
      "",
    ].join("\n"),
  );
  const test = spawnSync(NGINX, ["-t", "-q", "-p", folder, "-c", main], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  const child = spawn(NGINX, ["-p", folder, "-c", main], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    const up = await fetch(`${url}/`, { method: "HEAD", redirect: "manual" }).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    folder,
    errorLog: () => readFileSync(path.join(folder, "error.log"), "utf8"),
    async reload(next) {
      writeFileSync(site, renderNginxSite(next, port));
      const check = spawnSync(NGINX, ["-t", "-q", "-p", folder, "-c", main], { encoding: "utf8" });
      if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
      child.kill("SIGHUP");
      // Old workers finish their requests; new ones start on the new upstream within a moment.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
