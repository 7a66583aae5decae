// The stock ledger as CSV, streamed page by page; text a spreadsheet would run as a formula is defused by csvRow.
import "server-only";

import type { Scope } from "@/lib/auth/scope";
import { csvStream } from "@/lib/csv";
import type { Db } from "@/lib/db";

import { allMovements, type MovementJson } from "./ledger";
import type { MovementQuery } from "./schemas";

export const movementColumns: (keyof MovementJson)[] = [
  "id",
  "occurred_at",
  "batch_id",
  "batch_code",
  "type",
  "quantity_kg",
  "from_holder",
  "to_holder",
  "from_warehouse",
  "to_warehouse",
  "reason",
  "note",
  "actor",
  "tx_hash",
  "block_number",
];

export const movementsCsv = (db: Db, scope: Scope, q: Omit<MovementQuery, "cursor" | "limit">) =>
  csvStream(movementColumns, allMovements(db, scope, q));
