// A test file's own database and batch token, made side by side.
import type { DemoBatch } from "@/scripts/lib/demo-batches";

import { deployTestToken, mintToProducer } from "./chain";
import { createTestDb } from "./db";

/** A fresh database and a freshly deployed token. */
export async function startDbAndToken() {
  const [t, chain] = await Promise.all([createTestDb(), deployTestToken()]);
  return { t, chain };
}

/** A fresh database and a token holding `list`, minted to its producer. */
export async function startWithBatches(list: DemoBatch[]) {
  const started = await startDbAndToken();
  await mintToProducer(started.chain, list);
  return started;
}
