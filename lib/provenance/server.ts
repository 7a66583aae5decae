// The app's audit anchor contract, from the environment.
import "server-only";

import type { Address } from "viem";

import { ApiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/env";

import type { AnchorTarget } from "./target";

export function getAnchorTarget(): AnchorTarget {
  const env = getEnv();
  if (!env.AUDIT_ANCHOR_ADDRESS)
    throw new ApiError("unavailable", "No audit anchor contract is configured (AUDIT_ANCHOR_ADDRESS).");
  return { chainId: env.CHAIN_ID, address: env.AUDIT_ANCHOR_ADDRESS as Address };
}
