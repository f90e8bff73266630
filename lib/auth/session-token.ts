import "server-only";
// Decoding next-auth's session token (a JWE: "dir" + A256GCM) with the encryption key
// derived once per secret. next-auth's own decode() derives it again (HKDF, on libuv's
// thread pool) for every call; GET /api/me decodes on every member page view.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

const keys = new Map<string, Uint8Array>();

/** next-auth v4's key: HKDF-SHA256 of the secret, empty salt, its fixed info string, 32 bytes. */
function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.clear(); // one secret in use at a time
    keys.set(secret, key);
  }
  return key;
}

/** The token's claims, as next-auth's decode() gives them (15 s clock tolerance), or null when it does not decrypt or has expired. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}
