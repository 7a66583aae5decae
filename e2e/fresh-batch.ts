// A batch minted for one test on the running chain, so no demo history (checks, counts, alerts,
// assessments: the demo has a past) touches it; answered once the worker has indexed it.
import { expect } from "@playwright/test";

import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { query } from "./db";
import { batchTokenAddress, rpcUrl } from "./stack";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * An active batch produced three weeks ago, a year from expiry, with nothing recorded about it yet;
 * from `origin_country` at `pricePerKg` when given.
 */
export async function mintFreshBatch(
  prefix: string,
  { origin_country, pricePerKg }: { origin_country?: string; pricePerKg?: string } = {},
): Promise<{ id: number; token_id: string; batch_code: string }> {
  const [batch] = demoBatches(1, new Date(), 7);
  const code = `${prefix}-${Date.now().toString(36).toUpperCase()}`;
  batch.metadata.batch_code = code;
  if (origin_country) batch.metadata.origin_country = origin_country;
  if (pricePerKg) batch.pricePerKg = pricePerKg;
  batch.productionDate = day(-20);
  batch.expiryDate = day(365);
  const client = createChainClient(rpcUrl, 31337);
  await mintBatch({ client, rpcUrl, address: batchTokenAddress() }, devAccount(1), batch);
  let row: { id: string; token_id: string } | undefined;
  await expect
    .poll(
      async () =>
        (row = (
          await query<{ id: string; token_id: string }>(
            "select id, token_id::text as token_id from batches where batch_code = $1",
            [code],
          )
        )[0]),
      { timeout: 30_000, message: `${code} indexed` },
    )
    .toBeTruthy();
  return { id: Number(row!.id), token_id: row!.token_id, batch_code: code };
}
