// The worker's dependencies: the app's own getters (lib/*/server.ts), so the worker and the routes
// build the database, chain client, indexer, sync and status settings the same way; plus what only
// the worker holds, the signers of the audit anchorer and of the local Chainlink DON.
import { createWalletClient, http, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { chainFor } from "@/lib/chain/client";
import { anchorAccount, donAccount } from "@/lib/chain/dev-accounts";
import { getChain } from "@/lib/chain/server";
import type { FulfillerConfig } from "@/lib/chainlink/fulfiller";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { getIndexer } from "@/lib/events/server";
import { getMailer } from "@/lib/mail/server";
import type { Shipper } from "@/lib/orders/ship";
import { shipperOf } from "@/lib/orders/shipper";
import type { AnchorChain } from "@/lib/provenance/anchor";
import { getSyncConfig } from "@/lib/sync/server";
import { getStatusDeps } from "@/lib/system/server";

export type WorkerDeps = ReturnType<typeof createWorkerDeps>;

export function createWorkerDeps() {
  const env = getEnv();
  return {
    env,
    db: getDb(),
    chain: getChain(),
    indexer: getIndexer(),
    sync: getSyncConfig(),
    status: getStatusDeps(),
    anchorer: getAnchorer(),
    shipper: getShipper(),
    fulfiller: getFulfillerConfig(),
    mailer: getMailer(),
  };
}

// ANCHOR_PRIVATE_KEY, or on the local chain the development account granted ANCHOR_ROLE.
function getAnchorer(): AnchorChain | null {
  const env = getEnv();
  const signer = env.ANCHOR_PRIVATE_KEY
    ? privateKeyToAccount(env.ANCHOR_PRIVATE_KEY as `0x${string}`)
    : env.CHAIN_ID === 31337
      ? anchorAccount
      : null;
  if (!env.AUDIT_ANCHOR_ADDRESS || !signer) return null;
  const wallet = createWalletClient({
    account: signer,
    chain: chainFor(env.CHAIN_ID, env.RPC_URL),
    transport: http(env.RPC_URL),
  });
  return { client: getChain().client, wallet, chainId: env.CHAIN_ID, address: env.AUDIT_ANCHOR_ADDRESS as Address };
}

// SHIPPER_PRIVATE_KEY, or on the local chain its development account.
function getShipper(): Shipper | null {
  const env = getEnv();
  const account = shipperOf(env);
  if (!account) return null;
  return { client: getChain().client, account, chainId: env.CHAIN_ID, address: env.BATCH_TOKEN_ADDRESS as Address };
}

// The local DON answers Functions requests on the local coordinator; a real chain has a real DON.
function getFulfillerConfig(): FulfillerConfig | null {
  const env = getEnv();
  if (!env.CHAINLINK_COORDINATOR_ADDRESS || !env.CHAINLINK_ROUTER_ADDRESS || !env.CHAINLINK_SECRET) return null;
  if (env.CHAIN_ID !== 31337)
    throw new Error(
      "CHAINLINK_COORDINATOR_ADDRESS: the local DON runs on the local chain (31337) only; a real chain has a real DON",
    );
  const wallet = createWalletClient({
    account: donAccount,
    chain: chainFor(env.CHAIN_ID, env.RPC_URL),
    transport: http(env.RPC_URL),
  });
  return {
    client: getChain().client,
    wallet,
    router: env.CHAINLINK_ROUTER_ADDRESS as Address,
    coordinator: env.CHAINLINK_COORDINATOR_ADDRESS as Address,
    fromBlock: env.BATCH_TOKEN_DEPLOY_BLOCK,
    secrets: { apiSecret: env.CHAINLINK_SECRET },
  };
}
