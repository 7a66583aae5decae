import "server-only";

import { headers } from "next/headers";

import { ApiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/env";

/**
 * The origin links in mails point at. Never a request's Host header off the local chain: a forged
 * one would send a reset link to someone else's site.
 */
export async function getAppUrl(): Promise<string> {
  const env = getEnv();
  const configured = env.PUBLIC_APP_URL ?? env.AUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  if (env.CHAIN_ID !== 31337)
    throw new ApiError("unavailable", "Set PUBLIC_APP_URL or AUTH_URL so mailed links point at this app.");
  return `http://${(await headers()).get("host") ?? "localhost:3000"}`;
}
