// Stops PostgreSQL under the running app and starts it again: requests must fail with a clear 503 meanwhile, and succeed afterwards without restarting the app.
//
// Needs the local PostgreSQL cluster (Debian's pg_ctlcluster) and the right to stop it. Uses the
// database at OUTAGE_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/attest_outage,
// dropped and made again).
//
// Run: npm run bench:outage
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { freshDatabase } from "./load/fresh-database.ts";
import { startApp } from "../tests/e2e/start-app.ts";

const URL_ = process.env.OUTAGE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_outage";
const cluster = readdirSync("/etc/postgresql")[0];
const ctl = (action: "stop" | "start") => execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", action], { stdio: "inherit" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  await freshDatabase(URL_);

  const app = await startApp({ env: { DATABASE_URL: URL_ } });
  let stopped = false;
  try {
    const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ name: "Olga Outage", email: "olga@outage.test", password: "correct horse battery staple" }),
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const home = await fetch(`${app.url}/`, { headers: { cookie } }).then((r) => r.text());
    const dossierId = home.match(/\/dossiers\/([0-9a-f-]{36})/)![1];
    const read = () => fetch(`${app.url}/api/v1/dossiers/${dossierId}`, { headers: { cookie } });
    console.log(`before the outage: ${(await read()).status}`);

    ctl("stop");
    stopped = true;
    const during: string[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const response = await read();
      const body = await response.json().catch(() => null);
      during.push(`${response.status} in ${(performance.now() - started).toFixed(0)} ms: ${body?.error?.message ?? ""}`);
      await sleep(300);
    }
    console.log(`during the outage:\n  ${during.join("\n  ")}`);

    ctl("start");
    stopped = false;
    const back = performance.now();
    let status = 0;
    while (performance.now() - back < 60_000) {
      status = (await read()).status;
      if (status === 200) break;
      await sleep(250);
    }
    console.log(`after PostgreSQL is back: ${status} within ${((performance.now() - back) / 1000).toFixed(1)} s, same app process`);
    const ok = during.every((d) => d.startsWith("503")) && status === 200;
    console.log(ok ? "Outage handled: 503 meanwhile, served again without a restart." : "Outage NOT handled as expected.");
    if (!ok) process.exitCode = 1;
  } finally {
    if (stopped) ctl("start");
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
