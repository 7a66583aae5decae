import "server-only";
import { getEnv } from "@/lib/env";
import { createDb, type Db } from "./index";

const globalForDb = globalThis as unknown as { batchtrailDb?: Db };

/** The app's shared handle, kept across hot reloads in development. */
export function getDb(): Db {
  globalForDb.batchtrailDb ??= createDb(getEnv().DATABASE_URL).db;
  return globalForDb.batchtrailDb;
}
