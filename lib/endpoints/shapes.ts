// The JSON answers' shapes, shared by several endpoints' declarations. Decimals are strings, times ISO strings.
import { z, type ZodType } from "zod";

import {
  alertSeverities,
  alertStatuses,
  alertTypes,
  batchStatuses,
  processes,
  qualityGrades,
  verificationRequestStatuses as requestStatuses,
  riskLevels,
  shipmentMethods,
  shipmentStatuses,
  syncStatuses,
  systemAlertTypes,
  verificationStatuses,
} from "@/lib/db/enums";

/** A text field that may be null. */
export const textOrNull = z.string().nullable();
/** A number field that may be null. */
export const numberOrNull = z.number().nullable();
const time = z.string();

/** `{data: [...]}`. */
export const listOf = <T extends ZodType>(item: T) => z.object({ data: z.array(item) });
/** `{data: [...], next_cursor}`: one page; the next with `cursor=next_cursor`. */
export const pageOf = <T extends ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export const ZBatchJson = z.object({
  id: z.number(),
  chain_id: z.number(),
  token_id: textOrNull,
  batch_code: z.string(),
  origin_country: z.string(),
  region: textOrNull,
  farm: textOrNull,
  cooperative: textOrNull,
  variety: textOrNull,
  process: z.enum(processes).nullable(),
  altitude_m: numberOrNull,
  harvest_date: textOrNull,
  production_date: z.string(),
  expiry_date: z.string(),
  quantity_kg: z.string(),
  onchain_quantity: textOrNull,
  on_hand_kg: textOrNull,
  reserved_kg: textOrNull,
  available_kg: textOrNull,
  price_per_kg: textOrNull,
  cupping_score: textOrNull,
  moisture_pct: textOrNull,
  warehouse: textOrNull,
  owner_address: textOrNull,
  metadata_uri: textOrNull,
  metadata_hash: textOrNull,
  status: z.enum(batchStatuses),
  verification_status: z.enum(verificationStatuses),
  sync_status: z.enum(syncStatuses),
  quality_grade: z.enum(qualityGrades).nullable(),
  risk_score: numberOrNull,
  risk_level: z.enum(riskLevels).nullable(),
  last_synced_at: textOrNull,
  sync_error: textOrNull,
  mint_tx_hash: textOrNull,
  created_at: time,
  updated_at: time,
});

export const ZOnchainJson = z.object({
  token_id: z.string(),
  contract_address: z.string(),
  chain_id: z.number(),
  quantity_kg: z.string(),
  minted_kg: z.string(),
  redeemed_kg: z.string(),
  price_per_kg: z.string(),
  production_date: z.string(),
  expiry_date: z.string(),
  metadata_hash: z.string(),
  is_verified: z.boolean(),
  last_verified_at: textOrNull,
  status: z.string(),
  creator: z.string(),
});

export const ZRequestJson = z.object({
  id: z.number(),
  batch_id: z.number(),
  batch_code: z.string(),
  status: z.enum(requestStatuses),
  notes: textOrNull,
  requested_by: textOrNull,
  offchain_quantity_kg: textOrNull,
  onchain_quantity_kg: textOrNull,
  actual_quantity_kg: textOrNull,
  discrepancy_kg: textOrNull,
  discrepancy_pct: textOrNull,
  tolerance_pct: textOrNull,
  decision_reason: textOrNull,
  process_notes: textOrNull,
  processed_by: textOrNull,
  processed_at: textOrNull,
  created_at: time,
});

/** What a batch's alert and a system alert both say. */
const alert = {
  severity: z.enum(alertSeverities),
  status: z.enum(alertStatuses),
  source: z.string(),
  message: z.string(),
  resolved_by: numberOrNull,
  resolution_note: textOrNull,
  resolved_at: textOrNull,
  created_at: time,
};

export const ZAlertJson = z.object({
  id: z.number(),
  batch_id: z.number(),
  type: z.enum(alertTypes),
  ...alert,
  details: z.unknown(),
});

export const ZSystemAlertJson = z.object({
  id: z.number(),
  type: z.enum(systemAlertTypes),
  ...alert,
  details: z.record(z.string(), z.unknown()),
  resolved_by_name: textOrNull,
});

export const ZSyncJson = z.object({
  id: z.number(),
  job_id: textOrNull,
  trigger: z.string(),
  batch_id: numberOrNull,
  status: z.string(),
  from_block: textOrNull,
  to_block: textOrNull,
  total: numberOrNull,
  checked: z.number(),
  updated: z.number(),
  imported: z.number(),
  flagged: z.number(),
  failed: z.number(),
  error: textOrNull,
  started_at: textOrNull,
  finished_at: textOrNull,
  duration_ms: numberOrNull,
  created_at: time,
});

export const ZSyncRun = ZSyncJson.extend({
  results: z.array(
    z.object({
      batch_id: numberOrNull,
      batch_code: textOrNull,
      token_id: textOrNull,
      field: z.string(),
      offchain: textOrNull,
      onchain: textOrNull,
      action: z.string(),
      detail: textOrNull,
    }),
  ),
});

export const ZListenerStatus = z.object({
  listening: z.boolean(),
  chain_id: z.number(),
  contract_address: z.string(),
  head_block: textOrNull,
  last_processed_block: textOrNull,
  lag_blocks: textOrNull,
  block_range: numberOrNull,
  events_per_minute: z.number(),
  events: z.object({ pending: z.number(), processed: z.number(), failed: z.number(), reorged: z.number() }),
  last_error: textOrNull,
  last_error_at: textOrNull,
  chain_error: textOrNull,
  updated_at: textOrNull,
});

/** A shipment's transaction inside an order or a return: who sent how much to whom, and how it went. */
export const ZTransactionJson = z.object({
  method: z.enum(shipmentMethods),
  from_holder: z.string(),
  to_holder: textOrNull,
  quantity_kg: z.string(),
  status: z.enum(shipmentStatuses),
  tx_hash: textOrNull,
  error: textOrNull,
});

/** An audit record: who changed what, before and after, chained to the previous record by its hash. */
export const ZAuditJson = z.object({
  position: z.number(),
  entity: z.string(),
  entity_id: z.string(),
  action: z.string(),
  actor: z.object({ kind: z.string(), id: textOrNull, label: textOrNull }),
  before: z.unknown(),
  after: z.unknown(),
  tx_hash: textOrNull,
  note: textOrNull,
  created_at: time,
  hash: z.string(),
  prev_hash: z.string(),
});
