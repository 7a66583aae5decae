// Returns as CSV, streamed page by page (lib/csv.ts defuses text a spreadsheet would run as a formula).
import "server-only";

import { csvOf } from "@/lib/csv";

import { allReturns, type ReturnSummaryJson } from "./returns";

const columns: (keyof ReturnSummaryJson)[] = [
  "id",
  "created_at",
  "order_id",
  "order_line_id",
  "batch_id",
  "batch_code",
  "buyer_id",
  "buyer",
  "quantity_kg",
  "reason",
  "status",
  "disposition",
  "updated_at",
];

export const returnsCsv = csvOf(columns, allReturns);
