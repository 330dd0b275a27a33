// The container files describe the topology bench:scale runs: compose.yaml, the Dockerfile and deploy/nginx.conf agree with one another and with the app.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SERVER_NODE_FLAGS } from "@/scripts/server-node-flags.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const appNames = Object.keys(services).filter((name) => services[name].build === ".");
const nginx = read("deploy/nginx.conf");
const dockerfile = read("Dockerfile");
const readme = read("README.md");

/** The environment variables the app's code reads (`env.NAME` or `process.env.NAME`). */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir))) {
      const file = path.join(dir, entry);
      if (entry === "generated" || entry === "node_modules") continue;
      if (statSync(path.join(root, file)).isDirectory()) walk(file);
      else if (/\.(ts|tsx|mjs)$/.test(entry)) for (const m of read(file).matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})/g)) names.add(m[1]);
    }
  };
  for (const dir of ["server", "scripts", "app"]) walk(dir);
  return names;
}

describe("the container files", () => {
  it("run two app instances built from this folder, behind nginx, on PostgreSQL and Redis", () => {
    expect(appNames.length).toBeGreaterThanOrEqual(2);
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
    expect(services.redis.image).toMatch(/^redis:\d+/);
    expect(services.nginx.volumes).toContain("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    for (const name of appNames) expect(Object.keys(services.nginx.depends_on ?? {})).toContain(name);
  });

  it("send nginx to every app instance, on the port the app listens on", () => {
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w.-]+):(\d+)\b/gm)].map((m) => ({ host: m[1], port: m[2] }));
    expect(upstream.map((s) => s.host).sort()).toEqual([...appNames].sort());
    for (const name of appNames) {
      const port = services[name].environment?.PORT;
      expect(port).toBeDefined();
      expect(upstream.find((s) => s.host === name)?.port).toBe(port);
    }
    expect(dockerfile).toMatch(new RegExp(`EXPOSE ${services[appNames[0]].environment?.PORT}\\b`));
  });

  it("give the app only variables it reads, each documented in the README's table", () => {
    const reads = variablesRead();
    for (const name of appNames) {
      const env = services[name].environment ?? {};
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@postgres:5432\//);
      expect(env.REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      for (const variable of Object.keys(env)) {
        expect(reads, `the app never reads ${variable}`).toContain(variable);
        expect(readme, `the README does not document ${variable}`).toContain(`| \`${variable}\` |`);
      }
    }
  });

  it("build on the Node.js version the project requires, and start the app as `npm start` does", () => {
    const required = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    const major = Number(required.match(/(\d+)/)?.[1]);
    const images = [...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toBeGreaterThanOrEqual(major);
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/RUN npx next build\b/);
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/);
    // What the build stage copies must not bring the host's installed packages or build along.
    const ignored = read(".dockerignore").split("\n").map((line) => line.trim());
    for (const entry of ["node_modules", ".next", ".git", "data"]) expect(ignored).toContain(entry);
  });

  it("start the server with the Node.js flags the tests and benches start it with", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    for (const name of ["start", "dev"]) {
      expect(scripts[name]).toMatch(/^node .*scripts\/start\.mjs\b/);
      for (const flag of SERVER_NODE_FLAGS) expect(scripts[name].split(" ")).toContain(flag);
    }
  });
});
