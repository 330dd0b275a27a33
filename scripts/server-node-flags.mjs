// The Node.js flags the app's server runs with: `npm start` and `npm run dev` pass them, and so do the tests and benches that start the app.

/**
 * `--max-semi-space-size=32` (MB; Node 20's default is 16): a page read makes a few megabytes of
 * short-lived strings and objects, and with the default young generation many of them outlive
 * two scavenges, are promoted, and end in major collections that pause every request in flight.
 * Under `bench:load` (200 reviewers, after the warm-up) the p99 of a verdict write was 75–156 ms
 * in eight runs with 32 or 64 MB, 71–161 ms in four without: a gain within the spread between
 * runs, at no memory cost that could be measured (peak RSS 805–954 MB with it, 884 MB without).
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];
