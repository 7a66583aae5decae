// Orders as CSV, streamed page by page (lib/csv.ts defuses text a spreadsheet would run as a formula).
import "server-only";

import type { Scope } from "@/lib/auth/scope";
import { csvStream } from "@/lib/csv";
import type { Db } from "@/lib/db";

import { allOrders, type OrderSummaryJson } from "./orders";
import type { OrderQuery } from "./schemas";

const columns: (keyof OrderSummaryJson)[] = [
  "id",
  "created_at",
  "buyer_id",
  "buyer",
  "status",
  "lines",
  "quantity_kg",
  "currency",
  "total",
  "updated_at",
];

export const ordersCsv = (db: Db, scope: Scope, q: Omit<OrderQuery, "cursor" | "limit">) =>
  csvStream(columns, allOrders(db, scope, q));
