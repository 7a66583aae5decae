// A clean run and a run under test, side by side: two fresh databases reading one token that holds
// the same seeded demo batches, so what the tested run stores can be compared with the clean one.
import { demoBatches } from "@/scripts/lib/demo-batches";

import { deployTestToken, mintToProducer } from "./chain";
import { createTestDb } from "./db";

export type TwoRuns = Awaited<ReturnType<typeof startTwoRuns>>;

/** `count` demo batches drawn from `seed`, minted to the test token's producer. */
export async function startTwoRuns(count: number, seed: number) {
  const [clean, tested] = await Promise.all([createTestDb(), createTestDb()]);
  const chain = await deployTestToken();
  await mintToProducer(chain, demoBatches(count, new Date("2026-11-23T00:00:00Z"), seed));
  const drop = async () => {
    await clean.drop();
    await tested.drop();
  };
  return { clean, tested, chain, drop };
}
