// The stock ledger as CSV, streamed page by page; text a spreadsheet would run as a formula is defused by csvRow.
import "server-only";

import { csvOf } from "@/lib/csv";

import { allMovements, type MovementJson } from "./ledger";

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

export const movementsCsv = csvOf(movementColumns, allMovements);
