// One round of listening, shared by the worker loop and the cron route: index until caught up
// (or out of time), then retry failed events whose backoff is over. Errors are recorded for the page.
import type { Db } from "@/lib/db";

import type { Indexer, Step } from "./indexer";
import { recordListenerError } from "./listener";
import { processFailed } from "./replay";

export type Round = { events: number; reorgs: number; retried: number; caughtUp: boolean; paused: boolean };

export async function listenRound(
  db: Db,
  indexer: Indexer,
  { budgetMs = Infinity, onStep = (_: Step) => {} } = {},
): Promise<Round> {
  const round: Round = { events: 0, reorgs: 0, retried: 0, caughtUp: false, paused: false };
  const deadline = Date.now() + budgetMs;
  try {
    // Retries need no RPC, so they happen even while the chain cannot be read.
    round.retried = (await processFailed(db, indexer.key)).events;
    while (Date.now() < deadline) {
      const s = await indexer.step();
      onStep(s);
      if (s.kind === "indexed") round.events += s.events;
      if (s.kind === "reorg") round.reorgs++;
      if (s.kind === "paused") return { ...round, paused: true };
      if (s.kind === "idle") {
        round.caughtUp = true;
        break;
      }
    }
    return round;
  } catch (error) {
    await recordListenerError(db, indexer.key, error).catch(() => {});
    throw error;
  }
}
