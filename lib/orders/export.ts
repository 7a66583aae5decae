// Orders as CSV, streamed page by page (lib/csv.ts defuses text a spreadsheet would run as a formula).
import "server-only";

import { csvOf } from "@/lib/csv";

import { allOrders, type OrderSummaryJson } from "./orders";

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

export const ordersCsv = csvOf(columns, allOrders);
