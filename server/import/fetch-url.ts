// Fetches a web page for import, refusing private addresses, endless redirects, slow and huge responses.
import http from "node:http";
import https from "node:https";
import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { FetchError } from "./fetch-error.ts";
import { isPublicAddress } from "./is-public-address.ts";

/** Content types a fetched page may have; anything else is refused. */
export const FETCHABLE_CONTENT_TYPES = ["text/html", "text/plain", "text/markdown", "application/xhtml+xml"] as const;

/** How a fetch is bounded, and how host names are resolved and judged. */
export interface FetchUrlOptions {
  /** Largest body, in bytes; reading stops as soon as it is passed. */
  maxBytes: number;
  /** Time for the whole fetch, redirects included, in milliseconds. */
  timeoutMs: number;
  /** Most redirects followed. */
  maxRedirects: number;
  /** Resolves a host name to its IP addresses (default: the system resolver). */
  resolve?: (hostname: string) => Promise<string[]>;
  /** Whether an address may be connected to (default: {@link isPublicAddress}). */
  isAllowedAddress?: (address: string) => boolean;
}

/** A fetched page, ready for `importDocument`. */
export interface FetchedPage {
  bytes: Uint8Array;
  /** The response's content type, parameters included. */
  contentType: string;
  /** The URL the content came from, after redirects. */
  finalUrl: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches `url` (http or https only). Before the first request and before each redirect the host
 * is resolved and every address checked; the connection then goes to the checked address, so a
 * second DNS answer cannot swap in a private one. Redirects are followed by hand up to
 * `maxRedirects`; the whole fetch is aborted after `timeoutMs`; the body is read as a stream and
 * abandoned once it passes `maxBytes`; the final content type must be one of
 * {@link FETCHABLE_CONTENT_TYPES}.
 *
 * @throws FetchError with code `invalid_url`, `blocked_address`, `dns_failed`,
 *   `too_many_redirects`, `timeout`, `too_large`, `unsupported_content_type`, `http_error` or
 *   `network_error`.
 */
export async function fetchUrl(url: string, options: FetchUrlOptions): Promise<FetchedPage> {
  const resolve = options.resolve ?? resolveWithSystem;
  const isAllowed = options.isAllowedAddress ?? isPublicAddress;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let current = parseHttpUrl(url);
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(current, resolve, isAllowed);
      const response = await request(current, address, controller.signal, options.timeoutMs);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) && response.headers.location) {
        response.destroy();
        if (redirects >= options.maxRedirects) {
          throw new FetchError("too_many_redirects", `Gave up after ${options.maxRedirects} redirects.`);
        }
        current = parseHttpUrl(new URL(response.headers.location, current).href);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new FetchError("http_error", `The server answered with status ${status}.`);
      }
      const contentType = response.headers["content-type"] ?? "";
      const type = contentType.split(";")[0].trim().toLowerCase();
      if (!(FETCHABLE_CONTENT_TYPES as readonly string[]).includes(type)) {
        response.destroy();
        throw new FetchError("unsupported_content_type", `Cannot import content of type "${type || "unknown"}": only HTML, plain text and Markdown pages.`);
      }
      const bytes = await readBody(response, options.maxBytes, controller.signal, options.timeoutMs);
      return { bytes, contentType, finalUrl: current.href };
    }
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError("invalid_url", `"${text}" is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("invalid_url", `Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FetchError("invalid_url", "URLs with credentials are not fetched.");
  return url;
}

/**
 * Checks, before a fetch is queued, that `url` is an http(s) address whose host resolves only to
 * allowed addresses: the first request's checks, so that a refused target is refused at once.
 * The fetch checks again, and checks every redirect.
 */
export async function checkFetchTarget(url: string, options: Pick<FetchUrlOptions, "resolve" | "isAllowedAddress"> = {}): Promise<void> {
  await checkedAddress(parseHttpUrl(url), options.resolve ?? resolveWithSystem, options.isAllowedAddress ?? isPublicAddress);
}

async function resolveWithSystem(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

/** Resolves the URL's host and returns an address to connect to, once all of them are allowed. */
async function checkedAddress(url: URL, resolve: (hostname: string) => Promise<string[]>, isAllowed: (address: string) => boolean): Promise<string> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch (cause) {
      throw new FetchError("dns_failed", `Could not resolve "${host}".`, { cause });
    }
    if (addresses.length === 0) throw new FetchError("dns_failed", `"${host}" has no address.`);
  }
  // Every answer must be allowed: a host mixing public and private answers is refused.
  const refused = addresses.find((address) => !isAllowed(address));
  if (refused !== undefined) throw new FetchError("blocked_address", `"${host}" resolves to ${refused}, a private or reserved address.`);
  return addresses[0];
}

function request(url: URL, address: string, signal: AbortSignal, timeoutMs: number): Promise<http.IncomingMessage> {
  const family = ipaddr.parse(address).kind() === "ipv6" ? 6 : 4;
  // Connect to the address that was checked, not to whatever a new lookup would return.
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolvePromise, reject) => {
    const req = client.request(
      url,
      { method: "GET", lookup: pinned, signal, headers: { accept: FETCHABLE_CONTENT_TYPES.join(", "), "accept-encoding": "identity", "user-agent": "Attest/0.1 (+source import)" } },
      resolvePromise,
    );
    req.on("error", (error) => reject(networkError(error, signal, timeoutMs)));
    req.end();
  });
}

function readBody(response: http.IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new FetchError("too_large", `The page is ${declared} bytes; the limit is ${maxBytes} bytes.`));
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Reject before destroying: destroying emits "aborted" synchronously.
        reject(new FetchError("too_large", `The page is larger than the limit of ${maxBytes} bytes.`));
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolvePromise(new Uint8Array(Buffer.concat(chunks))));
    response.on("error", (error) => reject(networkError(error, signal, timeoutMs)));
    response.on("aborted", () => reject(networkError(new Error("aborted"), signal, timeoutMs)));
    signal.addEventListener(
      "abort",
      () => {
        reject(networkError(new Error("aborted"), signal, timeoutMs));
        response.destroy();
      },
      { once: true },
    );
  });
}

function networkError(error: unknown, signal: AbortSignal, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted) return new FetchError("timeout", `The page did not arrive within ${timeoutMs} ms.`, { cause: error });
  return new FetchError("network_error", `The page could not be fetched: ${(error as Error).message}`, { cause: error });
}
