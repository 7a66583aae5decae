import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";

import { verifyApiKey } from "./api-keys";
import { auth } from "./auth";
import type { Rule } from "./permissions";
import { hitRateLimit } from "./rate-limit";
import { everything, isMember, scopeOfUser, type Scope } from "./scope";
import { getActiveUser, type SessionUser } from "./users";

export type Caller =
  | { kind: "anonymous" }
  | { kind: "user"; user: SessionUser }
  | { kind: "api_key"; keyId: number; role: "operator" | "verifier" | "viewer" }
  | { kind: "chainlink" }
  | { kind: "cron" };

const digest = (s: string) => createHash("sha256").update(s).digest();
/** Compares digests, so any input has the same length and nothing leaks the secret's length. */
const equal = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Who is calling: the cron secret or an API key when presented (and then only that), else the session. */
export async function resolveCaller(request: Request): Promise<Caller> {
  const db = getDb();
  const bearer = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  // Vercel Cron presents CRON_SECRET as a bearer token.
  const cronSecret = getEnv().CRON_SECRET;
  if (bearer && cronSecret && equal(bearer, cronSecret)) return { kind: "cron" };
  const apiKey = request.headers.get("x-api-key") ?? bearer;
  if (apiKey) {
    const key = await verifyApiKey(db, apiKey);
    if (!key) throw new ApiError("unauthorized", "The API key is not valid, or it was revoked.");
    const limit = await hitRateLimit(db, `api-key:${key.id}`, 600, 60);
    if (!limit.isAllowed)
      throw new ApiError("rate_limited", "Too many requests with this API key.", {
        retry_after_seconds: limit.retryAfterSeconds,
      });
    return { kind: "api_key", keyId: key.id, role: key.role };
  }
  const session = await auth();
  const user = session?.userId ? await getActiveUser(db, session.userId, session.sessionVersion) : null;
  return user ? { kind: "user", user } : { kind: "anonymous" };
}

export function authorize(rule: Rule, caller: Caller): void {
  if (rule.isPublic || rule.chainlink) return;
  if (caller.kind === "anonymous") throw new ApiError("unauthorized", "Sign in, or send an API key.");
  if (caller.kind === "user" && caller.user.isPending)
    throw new ApiError("forbidden", "Your wallet is waiting for an admin to approve it into an organisation.");
  // A producer's or buyer's member reaches only the reads marked for members, scoped to its organisation.
  if (caller.kind === "user" && isMember(caller.user) && !rule.members)
    throw new ApiError("forbidden", "Only the operating company's staff may do this, not an organisation's members.");
  const isAllowed =
    caller.kind === "user"
      ? rule.roles.includes(caller.user.role)
      : caller.kind === "api_key"
        ? !!rule.apiKeys && rule.roles.includes(caller.role)
        : caller.kind === "cron" && !!rule.cron;
  if (!isAllowed) throw new ApiError("forbidden", refusal(rule, caller));
}

/** Who may, said to who may not. */
function refusal(rule: Rule, caller: Caller): string {
  const who = rule.roles.length ? `the ${rule.roles.join(" or ")} role` : "the scheduler";
  if (caller.kind === "user") return `Only a user with ${who} may do this; you are signed in as ${caller.user.role}.`;
  if (caller.kind === "api_key")
    return rule.apiKeys
      ? `Only an API key with ${who} may do this; this key is ${caller.role}.`
      : "API keys may not do this; sign in.";
  return "The scheduler's secret may not do this.";
}

/** Which batches the caller may see; every list, get, export, stream and chart reads through it. */
export const scopeOf = (caller: Caller): Scope => (caller.kind === "user" ? scopeOfUser(caller.user) : everything);
