// The order flow's test setting: a fresh database and token, the indexer, and the shipping wallet.
import { devAccount } from "@/lib/chain/dev-accounts";
import type { Shipper } from "@/lib/orders/ship";
import type { TransitionDeps } from "@/lib/orders/transitions";

import { deployTestToken, indexerConfig, tokenHandle } from "./chain";
import { createTestDb } from "./db";

/** The wallet that ships orders and takes returns back. */
export const shipperAccount = devAccount(11);

/** A database and token with the indexer (50 blocks a call), the transitions' settings and the shipper. */
export async function startOrderStack() {
  const t = await createTestDb();
  const chain = await deployTestToken();
  const deps: TransitionDeps = { holdHours: 72, chain: tokenHandle(chain), shipper: shipperAccount.address };
  const shipper: Shipper = { client: chain.client, account: shipperAccount, chainId: 31337, address: chain.address };
  return { t, chain, config: indexerConfig(t.db, chain, 50), deps, shipper };
}
