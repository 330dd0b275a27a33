// The Node.js flags the app's server runs with: `npm start` and `npm run dev` pass them, and so do the tests and benches that start the app.

/**
 * `--max-semi-space-size=32` (MB; Node 20's default is 16): a page read makes a few megabytes of
 * short-lived strings and objects, and with the default young generation many of them outlive
 * two scavenges, are promoted, and end in a major collection that pauses every request in flight.
 * Under `bench:load` (200 reviewers, after the warm-up) the p99 of a verdict write went from
 * 71–161 ms to 76–95 ms with 32 or 64 MB, page reads' p95 from 2.6–3.0 s to 1.6–2.2 s; the young
 * generation's three semi-spaces take up to 96 MB.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];
