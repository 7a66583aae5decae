// The app's listener: the configured chain and batch token, as the routes and pages use it.
import "server-only";

import type { Address } from "viem";

import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";

import { createIndexer } from "./indexer";

export function getListener() {
  const env = getEnv();
  const { client, chainId, address } = getChain();
  const consumer = env.CHAINLINK_CONSUMER_ADDRESS as Address | undefined;
  return {
    db: getDb(),
    client,
    key: { chainId, address: address as Address, consumer },
    deployBlock: env.BATCH_TOKEN_DEPLOY_BLOCK,
  };
}

/** The indexer the cron route drives, with the same settings as the worker's. */
export function getIndexer() {
  const env = getEnv();
  const l = getListener();
  return createIndexer({
    db: l.db,
    client: l.client,
    chainId: l.key.chainId,
    address: l.key.address,
    consumer: l.key.consumer,
    deployBlock: l.deployBlock,
    blockRange: env.INDEXER_BLOCK_RANGE,
    confirmations: env.INDEXER_CONFIRMATIONS,
  });
}
