// The app's pg-boss, to send jobs; started once per server process.
import "server-only";

import type PgBoss from "pg-boss";

import { getEnv } from "@/lib/env";

import { startBoss } from "./boss";

const globalForBoss = globalThis as unknown as { batchtrailBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForBoss.batchtrailBoss ??= startBoss(getEnv().DATABASE_URL, "sender").catch((error) => {
    globalForBoss.batchtrailBoss = undefined;
    throw error;
  });
  return globalForBoss.batchtrailBoss;
}
