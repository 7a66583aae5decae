// Sign-In With Ethereum (EIP-4361): a single-use nonce, the right domain and chain, a fresh message, a valid signature.
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Hex, PublicClient } from "viem";
import { parseSiweMessage } from "viem/siwe";

import type { Db } from "@/lib/db";
import { siweNonces } from "@/lib/db/schema";

const nonceLifetimeMs = 10 * 60_000;
const maxMessageAgeMs = 10 * 60_000;

export class SiweError extends Error {}

export async function createNonce(db: Db): Promise<string> {
  const nonce = randomBytes(16).toString("hex");
  await db.insert(siweNonces).values({ nonce, expiresAt: new Date(Date.now() + nonceLifetimeMs) });
  return nonce;
}

type Expected = { domain: string; chainId: number; client: PublicClient; now?: Date };

/** The signer's address (lower case) when every check passes; the nonce is spent only then. */
export async function verifySiwe(db: Db, message: string, signature: Hex, expected: Expected): Promise<`0x${string}`> {
  const now = expected.now ?? new Date();
  const fields = parseSiweMessage(message);
  if (!fields.address || !fields.nonce || !fields.domain || !fields.chainId || !fields.issuedAt)
    throw new SiweError("not a complete EIP-4361 message");
  const dates = [fields.issuedAt, fields.expirationTime, fields.notBefore].filter((d): d is Date => d !== undefined);
  if (dates.some((d) => Number.isNaN(d.getTime()))) throw new SiweError("message has a malformed date");
  if (fields.domain !== expected.domain) throw new SiweError(`message is for ${fields.domain}, not ${expected.domain}`);
  if (fields.chainId !== expected.chainId)
    throw new SiweError(`message is for chain ${fields.chainId}, not ${expected.chainId}`);
  if (fields.expirationTime && fields.expirationTime <= now) throw new SiweError("message has expired");
  if (fields.notBefore && fields.notBefore > now) throw new SiweError("message is not valid yet");
  if (now.getTime() - fields.issuedAt.getTime() > maxMessageAgeMs) throw new SiweError("message is too old");
  const isValid = await expected.client.verifyMessage({ address: fields.address, message, signature });
  if (!isValid) throw new SiweError("signature does not match the address");
  const [spent] = await db
    .update(siweNonces)
    .set({ usedAt: now })
    .where(and(eq(siweNonces.nonce, fields.nonce), isNull(siweNonces.usedAt), gt(siweNonces.expiresAt, now)))
    .returning({ nonce: siweNonces.nonce });
  if (!spent) throw new SiweError("nonce is unknown, used or expired");
  return fields.address.toLowerCase() as `0x${string}`;
}
