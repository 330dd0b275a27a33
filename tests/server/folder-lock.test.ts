import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockFolder } from "@/server/db/folder-lock.ts";
import { StartupError } from "@/server/db/startup-error.ts";

const tsx = path.resolve("node_modules/.bin/tsx");

/** Runs a second process that tries to lock `dir`; returns its exit status and stderr. */
function lockFromAnotherProcess(dir: string) {
  const script = `
    import { lockFolder } from ${JSON.stringify(path.resolve("server/db/folder-lock.ts"))};
    try { lockFolder(${JSON.stringify(dir)}); console.log("locked"); }
    catch (e) { console.error(e.toLine ? e.toLine() : String(e)); process.exit(3); }`;
  return spawnSync(tsx, ["--eval", script], { encoding: "utf8", timeout: 20_000 });
}

describe("lockFolder", () => {
  it("creates the folder and a lock file holding this process's PID", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "attest-lock-")), "nested", "data");
    const release = lockFolder(dir);
    expect(readFileSync(path.join(dir, "attest.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "attest.lock"))).toBe(false);
  });

  it("refuses a second process at once, naming the holder and the fix", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "attest-lock-"));
    const release = lockFolder(dir);
    try {
      const started = Date.now();
      const other = lockFromAnotherProcess(dir);
      expect(other.status).toBe(3);
      expect(other.stderr).toContain(`already open by another process (PID ${process.pid})`);
      expect(other.stderr).toContain("set DATA_DIR");
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      release();
    }
  });

  it("takes over a lock left by a process that died", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "attest-lock-"));
    const deadPid = Number(execFileSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).trim());
    writeFileSync(path.join(dir, "attest.lock"), String(deadPid));
    const other = lockFromAnotherProcess(dir);
    expect(other.status).toBe(0);
    expect(other.stdout).toContain("locked");
  });

  it("takes over an unreadable lock file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "attest-lock-"));
    writeFileSync(path.join(dir, "attest.lock"), "garbage");
    const release = lockFolder(dir);
    expect(readFileSync(path.join(dir, "attest.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("is re-entrant within one process", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "attest-lock-"));
    const first = lockFolder(dir);
    const second = lockFolder(dir);
    second();
    expect(existsSync(path.join(dir, "attest.lock"))).toBe(true);
    first();
    expect(existsSync(path.join(dir, "attest.lock"))).toBe(false);
  });

  it("throws StartupError, not a raw file error, for a held lock", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "attest-lock-"));
    writeFileSync(path.join(dir, "attest.lock"), String(process.ppid));
    expect(() => lockFolder(dir)).toThrow(StartupError);
  });
});
