// Drizzle mirror of supabase/migrations; a test checks the two agree.
import { batchStatuses, processes, qualityGrades, riskLevels, syncStatuses, verificationStatuses } from "@/lib/batches/enums";
import { sql } from "drizzle-orm";
import { bigint, boolean, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";

const tokenId = (name: string) => numeric(name, { precision: 78, scale: 0 });
const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};


export const batches = pgTable("batches", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainId: integer("chain_id").notNull(),
  tokenId: tokenId("token_id"),
  batchCode: text("batch_code").notNull().unique(),
  originCountry: text("origin_country").notNull(),
  region: text("region"),
  farm: text("farm"),
  cooperative: text("cooperative"),
  variety: text("variety"),
  process: text("process", { enum: processes }),
  altitudeM: integer("altitude_m"),
  harvestDate: date("harvest_date"),
  productionDate: date("production_date").notNull(),
  expiryDate: date("expiry_date").notNull(),
  quantityKg: numeric("quantity_kg", { precision: 14, scale: 3 }).notNull(),
  onchainQuantity: tokenId("onchain_quantity"),
  pricePerKg: numeric("price_per_kg", { precision: 12, scale: 2 }),
  cuppingScore: numeric("cupping_score", { precision: 5, scale: 2 }),
  moisturePct: numeric("moisture_pct", { precision: 4, scale: 1 }),
  warehouse: text("warehouse"),
  ownerAddress: text("owner_address"),
  metadataUri: text("metadata_uri"),
  metadataHash: text("metadata_hash"),
  status: text("status", { enum: batchStatuses }).notNull().default("active"),
  verificationStatus: text("verification_status", { enum: verificationStatuses }).notNull().default("unverified"),
  syncStatus: text("sync_status", { enum: syncStatuses }).notNull().default("synced"),
  lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
  mintTxHash: text("mint_tx_hash"),
  syncError: text("sync_error"),
  syncAttempts: integer("sync_attempts").notNull().default(0),
  nextSyncAt: timestamp("next_sync_at", { withTimezone: true }),
  // The latest quality check's grade and fraud assessment, kept here by triggers.
  qualityGrade: text("quality_grade", { enum: qualityGrades }),
  riskScore: integer("risk_score"),
  riskLevel: text("risk_level", { enum: riskLevels }),
  // Grams held on chain, kept from the stock ledger; null until it has a movement for the batch.
  onHand: tokenId("on_hand"),
  ...timestamps,
});

export const blockchainEvents = pgTable("blockchain_events", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainId: integer("chain_id").notNull(),
  contractAddress: text("contract_address").notNull(),
  blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
  blockHash: text("block_hash").notNull(),
  txHash: text("tx_hash").notNull(),
  logIndex: integer("log_index").notNull(),
  name: text("name").notNull(),
  tokenId: tokenId("token_id"),
  args: jsonb("args").notNull(),
  status: text("status", { enum: ["pending", "processed", "failed", "reorged"] }).notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  error: text("error"),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
  seq: bigint("seq", { mode: "number" }).notNull().default(sql`nextval('blockchain_events_seq')`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp("processed_at", { withTimezone: true }),
});

export const listenerState = pgTable("listener_state", {
  id: text("id").primaryKey(),
  chainId: integer("chain_id").notNull(),
  contractAddress: text("contract_address").notNull(),
  lastBlock: bigint("last_block", { mode: "bigint" }).notNull(),
  isActive: boolean("is_active").notNull().default(true),
  headBlock: bigint("head_block", { mode: "bigint" }),
  blockRange: integer("block_range"),
  lastError: text("last_error"),
  lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const listenerBlocks = pgTable("listener_blocks", {
  listenerId: text("listener_id").notNull().references(() => listenerState.id, { onDelete: "cascade" }),
  blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
  blockHash: text("block_hash").notNull(),
}, (t) => [primaryKey({ columns: [t.listenerId, t.blockNumber] })]);

export const importLogs = pgTable("import_logs", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainId: integer("chain_id").notNull(),
  tokenId: tokenId("token_id").notNull(),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  action: text("action", { enum: ["created", "refreshed", "failed"] }).notNull(),
  message: text("message"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const roles = ["admin", "operator", "verifier", "viewer"] as const;

/** The operating company (staff), producers (cooperative, exporter) and buyers (importer, roaster). */
export const organisationKinds = ["operator", "cooperative", "exporter", "importer", "roaster"] as const;

export const organisations = pgTable("organisations", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: organisationKinds }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const organisationWallets = pgTable("organisation_wallets", {
  address: text("address").primaryKey(),
  organisationId: bigint("organisation_id", { mode: "number" }).notNull().references(() => organisations.id, { onDelete: "cascade" }),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  email: text("email").unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  role: text("role", { enum: roles }).notNull().default("viewer"),
  isActive: boolean("is_active").notNull().default(true),
  organisationId: bigint("organisation_id", { mode: "number" }).references(() => organisations.id),
  isPending: boolean("is_pending").notNull().default(false),
  sessionVersion: integer("session_version").notNull().default(1),
  totpSecret: text("totp_secret"),
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  ...timestamps,
});

export const tokenPurposes = ["invitation", "password_reset", "first_admin"] as const;

export const authTokens = pgTable("auth_tokens", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  purpose: text("purpose", { enum: tokenPurposes }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: bigint("user_id", { mode: "number" }).references(() => users.id, { onDelete: "cascade" }),
  email: text("email"),
  role: text("role", { enum: roles }),
  createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const caughtMails = pgTable("caught_mails", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  mailFrom: text("mail_from"),
  rcptTo: text("rcpt_to").array().notNull(),
  subject: text("subject"),
  textBody: text("text_body"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export const wallets = pgTable("wallets", {
  address: text("address").primaryKey(),
  userId: bigint("user_id", { mode: "number" }).notNull().references(() => users.id, { onDelete: "cascade" }),
  linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
});

export const siweNonces = pgTable("siwe_nonces", {
  nonce: text("nonce").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

export const apiKeys = pgTable("api_keys", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull().unique(),
  keyHash: text("key_hash").notNull(),
  role: text("role", { enum: ["operator", "verifier", "viewer"] }).notNull(),
  createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

export const signInEvents = pgTable("sign_in_events", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  userId: bigint("user_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
  method: text("method", { enum: ["password", "siwe"] }).notNull(),
  identifier: text("identifier").notNull(),
  isSuccess: boolean("is_success").notNull(),
  reason: text("reason"),
  ip: text("ip"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const rateLimits = pgTable("rate_limits", {
  key: text("key").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

export const actorKinds = ["user", "wallet", "api_key", "system", "oracle"] as const;

export const auditRecords = pgTable("audit_records", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  position: bigint("position", { mode: "number" }).notNull().unique(),
  entity: text("entity").notNull(),
  entityId: text("entity_id").notNull(),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  action: text("action").notNull(),
  actorKind: text("actor_kind", { enum: actorKinds }).notNull(),
  actorId: text("actor_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  txHash: text("tx_hash"),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull().unique(),
});

export const verificationRequests = pgTable("verification_requests", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  batchId: bigint("batch_id", { mode: "number" }).notNull().references(() => batches.id),
  status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull().default("pending"),
  requestedBy: bigint("requested_by", { mode: "number" }).references(() => users.id),
  notes: text("notes"),
  offchainQuantityKg: numeric("offchain_quantity_kg", { precision: 14, scale: 3 }),
  onchainQuantityKg: numeric("onchain_quantity_kg", { precision: 14, scale: 3 }),
  actualQuantityKg: numeric("actual_quantity_kg", { precision: 14, scale: 3 }),
  discrepancyKg: numeric("discrepancy_kg", { precision: 14, scale: 3 }),
  discrepancyPct: numeric("discrepancy_pct", { precision: 9, scale: 3 }),
  tolerancePct: numeric("tolerance_pct", { precision: 6, scale: 3 }),
  decisionReason: text("decision_reason"),
  /** The verifier's note on the count; `notes` is the requester's. */
  processNotes: text("process_notes"),
  processedBy: bigint("processed_by", { mode: "number" }).references(() => users.id),
  processedAt: timestamp("processed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const qualityChecks = pgTable("quality_checks", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  batchId: bigint("batch_id", { mode: "number" }).notNull().references(() => batches.id),
  inspectedBy: bigint("inspected_by", { mode: "number" }).references(() => users.id),
  cuppingScore: numeric("cupping_score", { precision: 5, scale: 2 }).notNull(),
  moisturePct: numeric("moisture_pct", { precision: 5, scale: 2 }).notNull(),
  primaryDefects: integer("primary_defects").notNull(),
  secondaryDefects: integer("secondary_defects").notNull(),
  sampleGrams: integer("sample_grams").notNull(),
  screenSize: integer("screen_size").notNull(),
  screenSizeVariancePct: numeric("screen_size_variance_pct", { precision: 5, scale: 2 }),
  quakers: integer("quakers"),
  notes: text("notes"),
  grade: text("grade", { enum: ["specialty", "premium", "exchange", "below_standard"] }).notNull(),
  fullDefects: numeric("full_defects", { precision: 9, scale: 2 }).notNull(),
  reasons: jsonb("reasons").$type<string[]>().notNull(),
  rulesVersion: text("rules_version").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const qualityCheckFiles = pgTable("quality_check_files", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  qualityCheckId: bigint("quality_check_id", { mode: "number" }).notNull().references(() => qualityChecks.id),
  kind: text("kind", { enum: ["photo", "certificate"] }).notNull(),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  storageKey: text("storage_key").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const fraudAssessments = pgTable("fraud_assessments", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  batchId: bigint("batch_id", { mode: "number" }).notNull().references(() => batches.id),
  score: integer("score").notNull(),
  modelVersion: text("model_version").notNull(),
  factors: jsonb("factors").notNull(),
  assessedBy: bigint("assessed_by", { mode: "number" }).references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const alertTypes = ["quantity_discrepancy", "fraud_risk", "expiring_soon", "expired", "quality_below_standard", "metadata_mismatch", "sync_error", "cloned_label"] as const;
export const alertSeverities = ["low", "medium", "high", "critical"] as const;

export const batchAlerts = pgTable("batch_alerts", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  batchId: bigint("batch_id", { mode: "number" }).notNull().references(() => batches.id),
  type: text("type", { enum: alertTypes }).notNull(),
  severity: text("severity", { enum: alertSeverities }).notNull(),
  status: text("status", { enum: ["open", "resolved"] }).notNull().default("open"),
  source: text("source").notNull(),
  message: text("message").notNull(),
  details: jsonb("details").notNull().default({}),
  resolvedBy: bigint("resolved_by", { mode: "number" }).references(() => users.id),
  resolutionNote: text("resolution_note"),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const checkTypes = ["verify_batch", "quality_check", "expiry_check"] as const;

export const chainlinkRequests = pgTable("chainlink_requests", {
  id: text("id").primaryKey(),
  chainId: integer("chain_id").notNull(),
  checkType: text("check_type", { enum: checkTypes }).notNull(),
  tokenId: numeric("token_id", { precision: 78, scale: 0 }).notNull(),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  answer: text("answer"),
  passed: boolean("passed"),
  code: bigint("code", { mode: "number" }),
  asOf: timestamp("as_of", { withTimezone: true }),
  reasons: jsonb("reasons").$type<string[]>(),
  answeredAt: timestamp("answered_at", { withTimezone: true }),
  routerRequestId: text("router_request_id").unique(),
  state: text("state", { enum: ["sent", "fulfilled", "failed"] }),
  applied: boolean("applied"),
  error: text("error"),
  requester: text("requester"),
  requestTx: text("request_tx"),
  settleTx: text("settle_tx"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const chainlinkCalls = pgTable("chainlink_calls", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainlinkRequestId: text("chainlink_request_id"),
  checkType: text("check_type").notNull(),
  tokenId: text("token_id"),
  outcome: text("outcome", { enum: ["answered", "refused"] }).notNull(),
  status: integer("status").notNull(),
  reason: text("reason"),
  ip: text("ip"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const chainlinkNonces = pgTable("chainlink_nonces", {
  nonce: text("nonce").primaryKey(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

export const syncTriggers = ["schedule", "manual", "cron", "batch"] as const;

export const syncHistory = pgTable("sync_history", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  jobId: text("job_id"),
  trigger: text("trigger", { enum: syncTriggers }).notNull(),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  status: text("status", { enum: ["queued", "running", "paused", "succeeded", "failed"] }).notNull().default("queued"),
  fromBlock: tokenId("from_block"),
  toBlock: tokenId("to_block"),
  total: integer("total").notNull().default(0),
  checked: integer("checked").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  imported: integer("imported").notNull().default(0),
  flagged: integer("flagged").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  error: text("error"),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  durationMs: integer("duration_ms"),
  ...timestamps,
});

export const syncResults = pgTable("sync_results", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  syncId: bigint("sync_id", { mode: "number" }).notNull().references(() => syncHistory.id),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  tokenId: tokenId("token_id"),
  field: text("field").notNull(),
  offchain: text("offchain"),
  onchain: text("onchain"),
  action: text("action", { enum: ["updated", "imported", "flagged", "failed"] }).notNull(),
  detail: text("detail"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const transactionKinds = ["mint", "mark_verified", "chainlink_check", "adjust_inventory", "stock_move", "stock_adjust", "stock_transfer"] as const;

export const blockchainTransactions = pgTable("blockchain_transactions", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainId: integer("chain_id").notNull(),
  txHash: text("tx_hash").notNull(),
  kind: text("kind", { enum: transactionKinds }).notNull(),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  fromAddress: text("from_address"),
  nonce: bigint("nonce", { mode: "number" }),
  status: text("status", { enum: ["pending", "mined", "reverted", "replaced", "dropped"] }).notNull().default("pending"),
  gasUsed: tokenId("gas_used"),
  blockNumber: tokenId("block_number"),
  ...timestamps,
}, (t) => [unique().on(t.chainId, t.txHash)]);

/** Rows, kilograms and dollars per value of each dimension (see the scale migration). */
export const counts = pgTable("counts", {
  dimension: text("dimension").notNull(),
  value: text("value").notNull(),
  n: bigint("n", { mode: "number" }).notNull().default(0),
  kg: numeric("kg", { precision: 20, scale: 3 }).notNull().default("0"),
  usd: numeric("usd", { precision: 24, scale: 2 }).notNull().default("0"),
}, (t) => [primaryKey({ columns: [t.dimension, t.value] })]);

export const countDeltas = pgTable("count_deltas", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  dimension: text("dimension").notNull(),
  value: text("value").notNull(),
  n: bigint("n", { mode: "number" }).notNull(),
  kg: numeric("kg", { precision: 20, scale: 3 }).notNull(),
  usd: numeric("usd", { precision: 24, scale: 2 }).notNull(),
});

export const systemStates = ["ok", "degraded", "down", "not_configured"] as const;

/** Each system component's last seen state and since when it has held it (the dashboard migration). */
export const componentStates = pgTable("component_states", {
  component: text("component").primaryKey(),
  state: text("state", { enum: systemStates }).notNull(),
  since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The worker's loops report here (listener rounds, the local Chainlink DON's steps). */
export const heartbeats = pgTable("heartbeats", {
  name: text("name").primaryKey(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
  okAt: timestamp("ok_at", { withTimezone: true }),
  error: text("error"),
  errorAt: timestamp("error_at", { withTimezone: true }),
});
// Analytics rollups (see the analytics migration); lib/analytics/refresh.ts keeps them.
const dims = {
  originCountry: text("origin_country").notNull(),
  process: text("process").notNull(),
  warehouse: text("warehouse").notNull(),
};
const day = () => date("day").notNull();

export const analyticsState = pgTable("analytics_state", {
  id: text("id").primaryKey(),
  refreshedThrough: timestamp("refreshed_through", { withTimezone: true }).notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  durationMs: integer("duration_ms").notNull().default(0),
});

export const analyticsRemovals = pgTable("analytics_removals", {
  batchId: bigint("batch_id", { mode: "number" }).primaryKey().references(() => batches.id, { onDelete: "cascade" }),
  removedAt: timestamp("removed_at", { withTimezone: true }).notNull(),
});

export const analyticsBatchFacts = pgTable("analytics_batch_facts", {
  batchId: bigint("batch_id", { mode: "number" }).primaryKey().references(() => batches.id, { onDelete: "cascade" }),
  ...dims,
  quantityKg: numeric("quantity_kg", { precision: 14, scale: 3 }).notNull(),
  isCounted: boolean("is_counted").notNull(),
});

export const analyticsStockDaily = pgTable("analytics_stock_daily", {
  day: day(),
  ...dims,
  mintedBatches: integer("minted_batches").notNull(),
  mintedKg: numeric("minted_kg", { precision: 20, scale: 3 }).notNull(),
  removedBatches: integer("removed_batches").notNull(),
  removedKg: numeric("removed_kg", { precision: 20, scale: 3 }).notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse] })]);

export const analyticsVerificationDaily = pgTable("analytics_verification_daily", {
  day: day(),
  ...dims,
  approved: integer("approved").notNull(),
  rejected: integer("rejected").notNull(),
  discrepancyKg: numeric("discrepancy_kg", { precision: 20, scale: 3 }).notNull(),
  discrepancyPct: numeric("discrepancy_pct", { precision: 20, scale: 3 }).notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse] })]);

export const analyticsQualityDaily = pgTable("analytics_quality_daily", {
  day: day(),
  ...dims,
  grade: text("grade").notNull(),
  checks: integer("checks").notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse, t.grade] })]);

export const analyticsFraudDaily = pgTable("analytics_fraud_daily", {
  day: day(),
  ...dims,
  riskLevel: text("risk_level").notNull(),
  assessments: integer("assessments").notNull(),
  scoreSum: bigint("score_sum", { mode: "number" }).notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse, t.riskLevel] })]);

export const analyticsFraudFactorsDaily = pgTable("analytics_fraud_factors_daily", {
  day: day(),
  ...dims,
  factor: text("factor").notNull(),
  hits: integer("hits").notNull(),
  points: bigint("points", { mode: "number" }).notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse, t.factor] })]);

export const analyticsAlertsDaily = pgTable("analytics_alerts_daily", {
  day: day(),
  ...dims,
  type: text("type").notNull(),
  opened: integer("opened").notNull(),
  resolved: integer("resolved").notNull(),
}, (t) => [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse, t.type] })]);

export const analyticsEventsHourly = pgTable("analytics_events_hourly", {
  hour: timestamp("hour", { withTimezone: true }).notNull(),
  name: text("name").notNull(),
  events: integer("events").notNull(),
}, (t) => [primaryKey({ columns: [t.hour, t.name] })]);

export const analyticsSyncHourly = pgTable("analytics_sync_hourly", {
  hour: timestamp("hour", { withTimezone: true }).primaryKey(),
  runs: integer("runs").notNull(),
  failed: integer("failed").notNull(),
  lagMsSum: bigint("lag_ms_sum", { mode: "number" }).notNull(),
  lagMsMax: bigint("lag_ms_max", { mode: "number" }).notNull(),
  checked: bigint("checked", { mode: "number" }).notNull(),
  updated: bigint("updated", { mode: "number" }).notNull(),
  flagged: bigint("flagged", { mode: "number" }).notNull(),
});

export const analyticsExpiry = pgTable("analytics_expiry", {
  expiryDate: date("expiry_date").notNull(),
  ...dims,
  batches: integer("batches").notNull(),
  kg: numeric("kg", { precision: 20, scale: 3 }).notNull(),
}, (t) => [primaryKey({ columns: [t.expiryDate, t.originCountry, t.process, t.warehouse] })]);
export const auditAnchorStatuses = ["sending", "confirmed", "failed"] as const;

/** Each range of audit records sent to the AuditAnchor contract (supabase/migrations/*_provenance.sql). */
export const auditAnchors = pgTable("audit_anchors", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainId: integer("chain_id").notNull(),
  contractAddress: text("contract_address").notNull(),
  fromPosition: bigint("from_position", { mode: "number" }).notNull(),
  toPosition: bigint("to_position", { mode: "number" }).notNull(),
  root: text("root").notNull(),
  status: text("status", { enum: auditAnchorStatuses }).notNull().default("sending"),
  txHash: text("tx_hash"),
  blockNumber: bigint("block_number", { mode: "number" }),
  anchorIndex: bigint("anchor_index", { mode: "number" }),
  /** The root the chain holds for this range, once read: proofs are then checked without an RPC call. */
  chainRoot: text("chain_root"),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
});

export const systemAlertTypes = ["audit_chain_broken"] as const;

export const systemAlerts = pgTable("system_alerts", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  type: text("type", { enum: systemAlertTypes }).notNull(),
  severity: text("severity", { enum: alertSeverities }).notNull(),
  status: text("status", { enum: ["open", "resolved"] }).notNull().default("open"),
  source: text("source").notNull(),
  message: text("message").notNull(),
  details: jsonb("details").notNull().default({}),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const traceScans = pgTable("trace_scans", {
  batchId: bigint("batch_id", { mode: "number" }).notNull().references(() => batches.id),
  place: text("place").notNull(),
  hour: timestamp("hour", { withTimezone: true }).notNull(),
  views: integer("views").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.batchId, t.hour, t.place] })]);

export const traceScanClients = pgTable("trace_scan_clients", {
  batchId: bigint("batch_id", { mode: "number" }).notNull().references(() => batches.id),
  hour: timestamp("hour", { withTimezone: true }).notNull(),
  client: text("client").notNull(),
}, (t) => [primaryKey({ columns: [t.batchId, t.hour, t.client] })]);

export const movementTypes = ["minted", "transferred", "moved", "adjusted", "redeemed", "reserved", "released", "shipped", "returned"] as const;
export const adjustmentReasons = ["count_correction", "damage", "loss", "sample", "moisture_loss"] as const;

export const warehouses = pgTable("warehouses", {
  code: text("code").primaryKey(),
  name: text("name").notNull().unique(),
  country: text("country").notNull(),
  address: text("address"),
  capacityKg: numeric("capacity_kg", { precision: 14, scale: 3 }).notNull(),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps,
});

export const stockMovements = pgTable("stock_movements", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  chainId: integer("chain_id").notNull(),
  tokenId: tokenId("token_id").notNull(),
  type: text("type", { enum: movementTypes }).notNull(),
  quantity: tokenId("quantity").notNull(),
  fromHolder: text("from_holder"),
  toHolder: text("to_holder"),
  fromWarehouse: text("from_warehouse"),
  toWarehouse: text("to_warehouse"),
  reason: text("reason", { enum: adjustmentReasons }),
  note: text("note"),
  actor: text("actor"),
  eventId: bigint("event_id", { mode: "number" }).references(() => blockchainEvents.id),
  part: integer("part").notNull().default(0),
  txHash: text("tx_hash"),
  blockNumber: bigint("block_number", { mode: "bigint" }),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique().on(t.eventId, t.part)]);

export const holdings = pgTable("holdings", {
  chainId: integer("chain_id").notNull(),
  tokenId: tokenId("token_id").notNull(),
  holder: text("holder").notNull(),
  balance: tokenId("balance").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.chainId, t.tokenId, t.holder] })]);

export const warehouseStock = pgTable("warehouse_stock", {
  chainId: integer("chain_id").notNull(),
  tokenId: tokenId("token_id").notNull(),
  holder: text("holder").notNull(),
  warehouse: text("warehouse").notNull(),
  balance: tokenId("balance").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.chainId, t.tokenId, t.holder, t.warehouse] })]);
