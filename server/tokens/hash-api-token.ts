// How a personal access token is made and stored: random bytes shown once, only their hash kept.
import { randomBytes } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** Every token starts with this, so secret scanners and people recognise it. */
export const TOKEN_PREFIX = "att_";

/** A new random token (256 bits). */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The stored form of a token. */
export function hashApiToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}
