import "server-only";

import { getEnv } from "@/lib/env";

import { createDb, type Db } from "./index";

const globalForDb = globalThis as unknown as { batchtrailDbHandle?: ReturnType<typeof createDb> };

/** The app's (and the worker's) shared handle, kept across hot reloads in development. */
export function getDb(): Db {
  globalForDb.batchtrailDbHandle ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.batchtrailDbHandle.db;
}

/** Ends the shared handle's pool (the worker, once its jobs have stopped). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.batchtrailDbHandle;
  globalForDb.batchtrailDbHandle = undefined;
  await handle?.pool.end();
}
