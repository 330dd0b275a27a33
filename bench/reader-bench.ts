// Measures the dossier page at scale: a 1 MB source with 5,000 links, opened in Chromium.
//
// The dossier is written straight into a fresh embedded database (the app is started once to
// migrate and seed it and to make the first account, which owns the example workspace; then
// stopped while the bench dossier is added with Prisma and the server's own `createDocument`).
// The built app is started again on that folder and the page is opened signed in.
//
// Figures:
// - open: navigation start to the largest contentful paint (the last 'largest-contentful-paint'
//   entry before the first input), the median of a few loads.
// - jump: a real click on a claim in the briefing, from the click event's timeStamp to the end of
//   the next frame (requestAnimationFrame, then setTimeout 0), over 60 claims; median and p95.
// Then the same with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate).
// - after each run of jumps, the same jump measure on a bare page whose click only moves a class and
//   scrolls: the share of a jump that is Chromium's input and frame pipeline, not the app.
// - jump CPU (READER_BENCH_CPU=1, unthrottled run): the page's main-thread CPU time per jump, from
//   a trace: the thread time of the task that handled the click and of every task begun before
//   the end of the measured frame. Other processes on the machine slow the wall-clock figures
//   much more than this one, so it is the one to compare runs taken under different loads.
//
// Run: npm run bench:reader (builds the app first if the build is stale).
// READER_BENCH_DIR=FOLDER reuses the data folder of an earlier run (printed first), skipping the
// sign-up and the seeding; READER_BENCH_RATES=1 measures without the throttled run.
// READER_BENCH_TRACE=FILE (with READER_BENCH_CPU=1) writes the page main thread's trace events of the
// jumps and their times to FILE; READER_BENCH_TRACE_CATEGORIES sets the trace's categories.
// Prints the load average at the start of each run of jumps.
// READER_BENCH_AB_CSS="CSS" compares the page as it is (A) with the page given that stylesheet (B)
// instead, in one page of one build: rounds of A and B in turn (READER_BENCH_AB_ROUNDS, default 4;
// the order alternates), each a fresh load and 60 jumps at READER_BENCH_AB_RATE× throttling
// (default 4). Runs of the same code from two builds can differ by as much as a change's effect.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "@/server/examples/example-workspace-slug.ts";
import { signUp } from "../tests/e2e/accounts.ts";
import { openBrowser } from "../tests/e2e/browser.ts";
import { claimRows } from "./claim-rows.ts";
import { READER_BENCH_PERSON } from "./reader-bench-person.ts";
import { seededRandom } from "./make-large-dossier.ts";
import { startApp } from "../tests/e2e/start-app.ts";

const SOURCE_CHARS = 1_000_000;
const LINKS = 5_000;
const CLAIMS = 500;
const JUMPS = 60;
const OPENS = 3;

const WORDS =
  "the government officials border report said analysts trade security agency deployment talks spring ministry data figures increase decline network shipment police court budget region council statement evidence according percent million year week city state federal local public private".split(
    " ",
  );

/** About `chars` characters of plain text in paragraphs of 4–9 sentences, with a heading now and then. */
function makeSource(chars: number, rand: () => number): string {
  const paragraphs: string[] = [];
  let length = 0;
  let n = 0;
  while (length < chars) {
    let paragraph = "";
    if (n % 40 === 0) paragraph = `Section ${n / 40 + 1}\n\n`;
    const sentences = 4 + Math.floor(rand() * 6);
    for (let s = 0; s < sentences; s++) {
      const words = 8 + Math.floor(rand() * 18);
      const sentence = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
      paragraph += `${sentence[0].toUpperCase()}${sentence.slice(1)}. `;
    }
    paragraph = paragraph.trimEnd();
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
    n++;
  }
  return paragraphs.join("\n\n").slice(0, chars);
}

/** Adds the bench dossier to the example workspace; returns its id. */
async function seedBenchDossier(dataDir: string): Promise<{ dossierId: string; sourceLength: number; claims: number; links: number }> {
  const { prisma, database } = await connectDatabase({ kind: "pglite", dataDir }, { seed: false });
  try {
    const rand = seededRandom(20261129);
    const sourceText = importPlainText(makeSource(SOURCE_CHARS, rand));
    const claimSentences = Array.from({ length: CLAIMS }, (_, i) => `Claim ${i + 1}: ${Array.from({ length: 10 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ")}.`);
    // Ten claims a paragraph, so the briefing reads as a document.
    const briefingParagraphs: string[] = [];
    for (let i = 0; i < claimSentences.length; i += 10) briefingParagraphs.push(claimSentences.slice(i, i + 10).join(" "));
    const briefingText = importPlainText(`Bench briefing\n\n${briefingParagraphs.join("\n\n")}`);
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: EXAMPLE_WORKSPACE_SLUG } });
    return await prisma.$transaction(
      async (tx) => {
        const dossier = await tx.dossier.create({ data: { workspaceId: workspace.id, title: "Reader bench: 1 MB source, 5,000 links", slug: "reader-bench" } });
        const source = await createDocument(tx, { dossierId: dossier.id, kind: "source", title: "Bench source", text: sourceText });
        const briefing = await createDocument(tx, { dossierId: dossier.id, kind: "briefing", title: "Bench briefing", text: briefingText });
        await tx.claim.createMany({ data: claimRows(briefing, claimSentences, "statement") });
        const claims = await tx.claim.findMany({ where: { documentId: briefing.document.id }, orderBy: { order: "asc" }, select: { id: true } });
        // Links spread over the whole source: word-aligned spans of 40–200 characters.
        const src = sourceText.text;
        const linkRows = Array.from({ length: LINKS }, (_, i) => {
          let start = Math.floor(rand() * (src.length - 250));
          while (start > 0 && src[start - 1] !== " ") start--;
          let end = start + 40 + Math.floor(rand() * 160);
          while (end < src.length && src[end] !== " ") end++;
          const accepted = rand() < 0.3;
          const verdicts = ["supports", "partial", "contradicts"] as const;
          return {
            claimId: claims[i % claims.length].id,
            versionId: source.version.id,
            exact: src.slice(start, end),
            prefix: src.slice(Math.max(0, start - 32), start),
            suffix: src.slice(end, end + 32),
            start,
            end,
            origin: "suggested" as const,
            score: 0.4 + rand() * 0.5,
            rank: Math.floor(i / claims.length),
            state: accepted ? ("accepted" as const) : ("suggested" as const),
            verdict: accepted ? verdicts[Math.floor(rand() * 3)] : null,
          };
        });
        await tx.link.createMany({ data: linkRows });
        return { dossierId: dossier.id, sourceLength: src.length, claims: claims.length, links: linkRows.length };
      },
      { timeout: 120_000 },
    );
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

/** What one load of the page took, in milliseconds from navigation start, and the HTML's size. */
interface OpenTiming {
  lcp: number;
  firstByte: number;
  lastByte: number;
  domContentLoaded: number;
  htmlBytes: number;
}

/** Loads the page and times it up to the largest contentful paint. */
async function timeOpen(page: Page, url: string): Promise<OpenTiming> {
  await page.goto(url, { waitUntil: "load" });
  await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  await page.waitForTimeout(1500);
  return page.evaluate(() => {
    const entries = (window as unknown as { __lcp: number[] }).__lcp;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      lcp: entries.length ? entries[entries.length - 1] : NaN,
      firstByte: nav.responseStart,
      lastByte: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      htmlBytes: nav.decodedBodySize,
    };
  });
}

/** A trace event as Chromium reports it (times in microseconds; `tdur` is thread time). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { data?: { type?: string } };
}

/** Per jump, the main thread's CPU time in milliseconds: the click's task and every task begun before the measured frame ended. */
function cpuPerJump(events: TraceEvent[], times: number[]): number[] {
  const clicks = events.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "click").sort((a, b) => a.ts - b.ts);
  if (clicks.length === 0) return [];
  const tasks = events.filter((e) => e.tid === clicks[0].tid && e.ph === "X" && e.name === "RunTask").sort((a, b) => a.ts - b.ts);
  return clicks.slice(0, times.length).map((click, i) => {
    const own = tasks.find((t) => t.ts <= click.ts && t.ts + (t.dur ?? 0) >= click.ts);
    const from = own?.ts ?? click.ts;
    const to = click.ts + times[i] * 1000;
    return tasks.filter((t) => t.ts >= from && t.ts < to).reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000;
  });
}

/** Clicks `count` claims spread over the briefing; each time, click timeStamp → end of the next frame. */
async function timeJumps(page: Page, count: number): Promise<{ times: number[]; inView: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __jumps: { ms: number; inView: boolean }[] };
    w.__jumps = [];
    document.querySelector('[data-pane="briefing"]')!.addEventListener(
      "click",
      (event) => {
        const t0 = event.timeStamp;
        requestAnimationFrame(() =>
          setTimeout(() => {
            const ms = performance.now() - t0;
            const mark = document.querySelector<HTMLElement>("mark.hl.is-active");
            const scroller = mark?.closest<HTMLElement>("[data-source-scroll]");
            let inView = false;
            if (mark && scroller) {
              const m = mark.getBoundingClientRect();
              const s = scroller.getBoundingClientRect();
              inView = m.height > 0 && m.top >= s.top && m.bottom <= s.bottom;
            }
            w.__jumps.push({ ms, inView });
          }, 0),
        );
      },
      { capture: true },
    );
  });
  const claims = page.locator('[data-pane="briefing"] [data-claim-id]');
  const total = await claims.count();
  for (let i = 0; i < count; i++) {
    // Spread over the briefing and never the same claim twice in a row (that would step its passages).
    const index = Math.floor(((i * 37) % count) * (total / count)) % total;
    await claims.nth(index).scrollIntoViewIfNeeded();
    await claims.nth(index).click();
    await page.waitForFunction((n) => (window as unknown as { __jumps: unknown[] }).__jumps.length >= n, i + 1);
    await page.waitForTimeout(50);
  }
  const jumps = await page.evaluate(() => (window as unknown as { __jumps: { ms: number; inView: boolean }[] }).__jumps);
  return { times: jumps.map((j) => j.ms), inView: jumps.filter((j) => j.inView).length };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
let profiled = false;
let cpuTraced = false;
const verdict = (value: number, target: number) => (value <= target ? "meets" : "MISSES");

async function measure(page: Page, url: string, label: string, targets: { open: number; median?: number; p95: number }) {
  await page.bringToFront();
  const timings: OpenTiming[] = [];
  for (let i = 0; i < OPENS; i++) timings.push(await timeOpen(page, url));
  const opens = timings.map((t) => t.lcp);
  // READER_BENCH_PROFILE=FILE writes a CPU profile of the first run of jumps (open it in Chromium's DevTools).
  const profileTo = process.env.READER_BENCH_PROFILE && !profiled ? process.env.READER_BENCH_PROFILE : null;
  const traceCpu = process.env.READER_BENCH_CPU === "1" && !cpuTraced;
  const cdp = profileTo || traceCpu ? await page.context().newCDPSession(page) : null;
  const traceEvents: TraceEvent[] = [];
  if (cdp) {
    if (profileTo) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    cdp.on("Tracing.dataCollected", ({ value }) => traceEvents.push(...(value as unknown as TraceEvent[])));
    await cdp.send("Tracing.start", { categories: process.env.READER_BENCH_TRACE_CATEGORIES ?? "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  }
  console.log(`\n${label}: load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at the start of the jumps`);
  const { times, inView } = await timeJumps(page, JUMPS);
  if (cdp) {
    const ended = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await ended;
  }
  const cpu = traceCpu ? cpuPerJump(traceEvents, times) : [];
  if (traceCpu && process.env.READER_BENCH_TRACE) {
    // The page's main thread only: the whole trace can pass the longest string JSON.stringify makes.
    const thread = traceEvents.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "click")?.tid;
    writeFileSync(process.env.READER_BENCH_TRACE, JSON.stringify({ traceEvents: traceEvents.filter((e) => e.tid === thread), times }));
  }
  if (traceCpu) cpuTraced = true;
  if (cdp && profileTo) {
    const byName = new Map<string, number>();
    for (const e of traceEvents) if (e.ph === "X" && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    console.log("browser work during the jumps (ms, summed; nested events overlap):");
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(profileTo, JSON.stringify(profile));
    profiled = true;
    console.log(`CPU profile of the jumps: ${profileTo}`);
  }
  const open = median(opens) / 1000;
  const med = median(times);
  const p95 = quantile(times, 0.95);
  console.log(`  open (navigation start → LCP): ${open.toFixed(2)} s  [${opens.map((o) => (o / 1000).toFixed(2)).join(", ")}]  target ≤ ${targets.open} s: ${verdict(open, targets.open)}`);
  console.log(
    `  claim → span jump over ${times.length}: median ${med.toFixed(1)} ms${targets.median ? ` (target ≤ ${targets.median} ms: ${verdict(med, targets.median)})` : ""}, p95 ${p95.toFixed(1)} ms (target ≤ ${targets.p95} ms: ${verdict(p95, targets.p95)}), max ${Math.max(...times).toFixed(1)} ms`,
  );
  const mid = (key: keyof OpenTiming) => median(timings.map((t) => t[key]));
  console.log(
    `  open, medians: first byte ${mid("firstByte").toFixed(0)} ms, last byte ${mid("lastByte").toFixed(0)} ms, DOM content loaded ${mid("domContentLoaded").toFixed(0)} ms; HTML ${(mid("htmlBytes") / 1e6).toFixed(2)} MB`,
  );
  if (cpu.length) console.log(`  jump CPU (main thread, from a trace): median ${median(cpu).toFixed(1)} ms, p95 ${quantile(cpu, 0.95).toFixed(1)} ms over ${cpu.length}`);
  console.log(`  span in view after the jump: ${inView} of ${times.length}`);
}

/**
 * A bare page with the reader's hooks (claims in a briefing pane, marks in a scrolling source) whose
 * click only moves the active class to the claim's mark and scrolls it into view: what the same
 * measure gives with no app, the part of a jump's time that is Chromium's input and frame pipeline.
 */
function barePage(claims: number): string {
  const briefing = Array.from({ length: claims }, (_, i) => `<p><span data-claim-id="c${i}">Claim ${i + 1}.</span></p>`).join("");
  const source = Array.from({ length: claims * 10 }, (_, i) => `<p>${i % 10 === 0 ? `<mark class="hl" id="m${i / 10}">passage ${i / 10}</mark> ` : ""}${"lorem ipsum dolor sit amet ".repeat(20)}</p>`).join("");
  const script = `document.querySelector('[data-pane="briefing"]').addEventListener("click", (e) => {
    const claim = e.target.closest("[data-claim-id]"); if (!claim) return;
    document.querySelector("mark.is-active")?.classList.remove("is-active");
    const mark = document.getElementById("m" + claim.dataset.claimId.slice(1));
    mark.classList.add("is-active"); mark.scrollIntoView({ block: "center" });
  });`;
  return `<!doctype html><style>body{margin:0;display:flex;height:100vh} [data-pane]{flex:1;overflow:auto} mark.is-active{outline:2px solid}</style>
<div data-pane="briefing">${briefing}</div><div data-pane="source" data-source-scroll>${source}</div><script>${script}</script>`;
}

/**
 * The jump measure on the bare page, at CPU throttling `rate`, in a page of its own that is closed
 * afterwards (a page in the background draws no frames, so only one is open while jumps are timed).
 */
async function measureFloor(browser: BrowserContext, rate: number) {
  const page = await browser.newPage();
  await page.setContent(barePage(JUMPS * 2));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const { times } = await timeJumps(page, JUMPS);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.close();
  console.log(`  the same measure on a bare page (one class moved, one scroll, no app): median ${median(times).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`);
}

/** Jump times of the page as it is (A) against the page with `css` added (B), in alternating rounds. */
async function compareStylesheet(page: Page, url: string, css: string) {
  const rate = Number(process.env.READER_BENCH_AB_RATE ?? 4);
  const rounds = Number(process.env.READER_BENCH_AB_ROUNDS ?? 4);
  const cdp = await page.context().newCDPSession(page);
  const all = { A: [] as number[], B: [] as number[] };
  console.log(`\nA: the page as it is; B: with ${JSON.stringify(css)}; CPU ${rate}× slower`);
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? (["B", "A"] as const) : (["A", "B"] as const)) {
      await page.bringToFront();
      await timeOpen(page, url);
      if (side === "B") {
        await page.addStyleTag({ content: css });
        await page.waitForTimeout(500);
      }
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      const { times, inView } = await timeJumps(page, JUMPS);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      all[side].push(...times);
      console.log(`  round ${round + 1} ${side}: load average ${loadavg()[0].toFixed(2)}, median ${median(times).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, span in view ${inView} of ${times.length}`);
    }
  }
  for (const side of ["A", "B"] as const) console.log(`${side}, all rounds: median ${median(all[side]).toFixed(1)} ms, p95 ${quantile(all[side], 0.95).toFixed(1)} ms over ${all[side].length} jumps`);
}

/** A fresh data folder with the bench dossier, or the one READER_BENCH_DIR names (seeded by an earlier run). */
async function prepare(): Promise<{ dataDir: string; dossierId: string }> {
  const reuse = process.env.READER_BENCH_DIR;
  if (reuse && existsSync(path.join(reuse, "reader-bench.json"))) {
    console.log(`data folder (reused): ${reuse}`);
    return { dataDir: reuse, dossierId: (JSON.parse(readFileSync(path.join(reuse, "reader-bench.json"), "utf8")) as { dossierId: string }).dossierId };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "attest-reader-bench-"));
  console.log(`data folder: ${dataDir}`);
  const app = await startApp({ dataDir });
  const browser = await openBrowser();
  try {
    const page = await browser.newPage();
    await signUp(page, app.url, READER_BENCH_PERSON);
  } finally {
    await browser.close();
    await app.stop();
  }

  const t0 = performance.now();
  const seeded = await seedBenchDossier(dataDir);
  console.log(
    `dossier: source ${(seeded.sourceLength / 1e6).toFixed(2)} M characters, ${seeded.claims} claims, ${seeded.links} links (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  writeFileSync(path.join(dataDir, "reader-bench.json"), JSON.stringify({ dossierId: seeded.dossierId }));
  return { dataDir, dossierId: seeded.dossierId };
}

async function main() {
  const { dataDir, dossierId } = await prepare();
  const app = await startApp({ dataDir });
  const browser = await openBrowser();
  try {
    const page = await browser.newPage();
    // READER_BENCH_REDUCED_MOTION=1: as a reader who asked for less motion (no arrival pulse).
    if (process.env.READER_BENCH_REDUCED_MOTION) await page.emulateMedia({ reducedMotion: "reduce" });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number[] };
      w.__lcp = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp.push(entry.startTime);
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Email").fill(READER_BENCH_PERSON.email);
    await page.getByLabel("Password").fill(READER_BENCH_PERSON.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    const url = `${app.url}/dossiers/${dossierId}`;
    const marks = await (async () => {
      await page.goto(url);
      await page.locator("[data-source-text] mark").first().waitFor({ state: "attached" });
      return page.locator("[data-source-text] mark").count();
    })();
    console.log(`page: ${marks} <mark>s in the source`);

    if (process.env.READER_BENCH_AB_CSS) return await compareStylesheet(page, url, process.env.READER_BENCH_AB_CSS);
    await measure(page, url, "Chromium, no throttling", { open: 0.6, median: 16, p95: 33 });
    await measureFloor(browser, 1);
    if (process.env.READER_BENCH_RATES === "1") return;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await measure(page, url, "Chromium, CPU 4× slower", { open: 1.5, p95: 50 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await measureFloor(browser, 4);
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
