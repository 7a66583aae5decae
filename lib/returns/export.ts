// Returns as CSV, streamed page by page (lib/csv.ts defuses text a spreadsheet would run as a formula).
import "server-only";

import type { Scope } from "@/lib/auth/scope";
import { csvStream } from "@/lib/csv";
import type { Db } from "@/lib/db";

import { allReturns, type ReturnSummaryJson } from "./returns";
import type { ReturnQuery } from "./schemas";

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

export const returnsCsv = (db: Db, scope: Scope, q: Omit<ReturnQuery, "cursor" | "limit">) =>
  csvStream(columns, allReturns(db, scope, q));
