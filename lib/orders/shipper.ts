// The shipping wallet: SHIPPER_PRIVATE_KEY, or on the local chain anvil's development account 7.
// The app reads its address (to check a holder approved it); only the worker signs with it.
import { privateKeyToAccount, type LocalAccount } from "viem/accounts";

import { shipperAccount } from "@/lib/chain/dev-accounts";
import type { ServerEnv } from "@/lib/env";

export function shipperOf(env: Pick<ServerEnv, "SHIPPER_PRIVATE_KEY" | "CHAIN_ID">): LocalAccount | null {
  if (env.SHIPPER_PRIVATE_KEY) return privateKeyToAccount(env.SHIPPER_PRIVATE_KEY as `0x${string}`);
  return env.CHAIN_ID === 31337 ? shipperAccount : null;
}
