// The sync service as the routes use it: the configured chain, Multicall3 and listener.
import "server-only";

import type { Address } from "viem";

import { getChain } from "@/lib/chain/server";
import { getEnv } from "@/lib/env";
import { getListener } from "@/lib/events/server";

import type { SyncConfig } from "./run";

export function getSyncConfig(): SyncConfig {
  const { db, key } = getListener();
  return { db, chain: { ...getChain(), multicall: getEnv().MULTICALL3_ADDRESS as Address }, listener: key };
}
