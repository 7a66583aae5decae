// `npm run mint` — mints one more realistic batch on the running chain, as a producer wallet would.
// Uses RPC_URL and BATCH_TOKEN_ADDRESS when set, else the dev stack's anvil and recorded deployment.
import { producerAccounts } from "@/lib/chain/dev-accounts";

import { createChainClient } from "../lib/chain/client";
import { demoBatches } from "./lib/demo-batches";
import { scriptContract } from "./lib/deployment";
import { mintBatch } from "./lib/mint";

const { rpcUrl, chainId, address } = await scriptContract("BATCH_TOKEN_ADDRESS", (d) => d.batchToken.address);

const [batch] = demoBatches(1, new Date(), Date.now() % 1_000_000);
// A batch minted today was produced recently and keeps a year and a half.
const day = 86_400_000;
batch.productionDate = new Date(Date.now() - 20 * day).toISOString().slice(0, 10);
batch.expiryDate = new Date(Date.now() + 540 * day).toISOString().slice(0, 10);
batch.metadata.harvest_date = new Date(Date.now() - 80 * day).toISOString().slice(0, 10);
batch.metadata.batch_code = batch.metadata.batch_code.replace(/\d{4}$/, Date.now().toString(36).toUpperCase());
const { tokenId, hash } = await mintBatch(
  { client: createChainClient(rpcUrl, chainId), rpcUrl, address },
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
