// `npm run mint` — mints one more realistic batch on the running chain, as a producer wallet would.
// Uses RPC_URL and BATCH_TOKEN_ADDRESS when set, else the dev stack's anvil and recorded deployment.
import path from "node:path";
import { z } from "zod";

import { createChainClient } from "../lib/chain/client";
import { parseEnv } from "../lib/env";
import { producerAccounts } from "./lib/accounts";
import { demoBatches } from "./lib/demo-batches";
import { readDeployment } from "./lib/deployment";
import { mintBatch } from "./lib/mint";

const env = parseEnv(
  process.env,
  z.object({
    RPC_URL: z.url().default("http://127.0.0.1:8545"),
    DATA_DIR: z.string().default(".data"),
    BATCH_TOKEN_ADDRESS: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/)
      .optional(),
  }),
);
const client = createChainClient(env.RPC_URL, 31337);
const chainId = await client.getChainId();
const address = (env.BATCH_TOKEN_ADDRESS ?? readDeployment(path.resolve(env.DATA_DIR), chainId)?.batchToken.address) as
  `0x${string}` | undefined;
if (!address)
  throw new Error(
    `BATCH_TOKEN_ADDRESS: is not set and no deployment is recorded for chain ${chainId} under ${env.DATA_DIR}`,
  );

const [batch] = demoBatches(1, new Date(), Date.now() % 1_000_000);
// A batch minted today was produced recently and keeps a year and a half.
const day = 86_400_000;
batch.productionDate = new Date(Date.now() - 20 * day).toISOString().slice(0, 10);
batch.expiryDate = new Date(Date.now() + 540 * day).toISOString().slice(0, 10);
batch.metadata.harvest_date = new Date(Date.now() - 80 * day).toISOString().slice(0, 10);
batch.metadata.batch_code = batch.metadata.batch_code.replace(/\d{4}$/, Date.now().toString(36).toUpperCase());
const { tokenId, hash } = await mintBatch(
  { client: createChainClient(env.RPC_URL, chainId), rpcUrl: env.RPC_URL, address },
  producerAccounts[0],
  batch,
);
console.log(
  JSON.stringify({
    token_id: tokenId.toString(),
    batch_code: batch.metadata.batch_code,
    quantity_kg: batch.quantityKg,
    tx_hash: hash,
  }),
);
