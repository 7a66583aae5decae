// Drizzle mirror of supabase/migrations; test/migrations.test.ts checks the two agree (types,
// defaults, checks, keys and indexes). Value lists live in ./enums.ts, for checks and zod alike.
import { sql, type BuildExtraConfigColumns } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  type ReferenceConfig,
} from "drizzle-orm/pg-core";

import {
  activeSyncRunStatuses,
  actorKinds,
  adjustmentReasons,
  alertSeverities,
  alertStatuses,
  alertTypes,
  apiKeyRoles,
  auditAnchorStatuses,
  batchStatuses,
  bookingTypes,
  buyerKinds,
  chainlinkCallOutcomes,
  chainlinkRequestStates,
  checkTypes,
  deliveryStatuses,
  detectorNames,
  dispositions,
  emailStates,
  endpointStatuses,
  eudrRiskLevels,
  eventStatuses,
  heldReservationStatuses,
  importActions,
  landUses,
  monitorMetrics,
  movementTypes,
  orderStatuses,
  organisationKinds,
  processes,
  qualityFileKinds,
  qualityGrades,
  recommendationKinds,
  recommendationStatuses,
  reservationStatuses,
  returnReasons,
  returnStatuses,
  riskLevels,
  roles,
  settingKeys,
  settlements,
  shipmentMethods,
  shipmentPurposes,
  shipmentStatuses,
  signInMethods,
  statementActivities,
  statementStatuses,
  syncResultActions,
  syncRunStatuses,
  syncStatuses,
  syncTriggers,
  systemAlertTypes,
  systemStates,
  tokenPurposes,
  transactionKinds,
  transactionStatuses,
  unmintedStatuses,
  verificationRequestStatuses,
  verificationStatuses,
  webhookEventTypes,
} from "./enums";

/** The usual timestamps: when a row was written, and when it last changed. */
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** `column in ('a', 'b')`: a check's value list, from the const array in ./enums.ts. */
const isOneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
const tokenId = (name: string) => numeric(name, { precision: 78, scale: 0 });
/**
 * A table whose columns with a value list are checked against it in the database as well:
 * `<table>_<column>_check`, `column in (…)`.
 */
function table<N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
  extra: (t: BuildExtraConfigColumns<N, C, "pg">) => PgTableExtraConfigValue[] = () => [],
) {
  // A builder's settings (its column's name and value list) are the only place the value list is kept.
  const listed = Object.entries(columns as Record<string, { config?: { name: string; enumValues?: string[] } }>);
  return pgTable(name, columns, (t) => [
    ...listed.flatMap(([key, { config }]) =>
      config?.enumValues?.length
        ? [check(`${name}_${config.name}_check`, isOneOf((t as Record<string, AnyPgColumn>)[key], config.enumValues))]
        : [],
    ),
    ...extra(t),
  ]);
}
/** A table's own id: a bigint identity, as a JS number (ids stay below 2^53). */
const identity = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
/** A required reference to another table's id. */
const ref = (name: string, to: () => AnyPgColumn, actions?: ReferenceConfig["actions"]) =>
  bigint(name, { mode: "number" }).notNull().references(to, actions);
// Column sets several tables share (fresh builders for each table).
/** A token on a chain. */
const token = () => ({ chainId: integer("chain_id").notNull(), tokenId: tokenId("token_id").notNull() });
/** A contract on a chain. */
const contract = () => ({
  chainId: integer("chain_id").notNull(),
  contractAddress: text("contract_address").notNull(),
});
/** A file in the upload store: its name and type as uploaded, its size, and its key in the store. */
const storedFile = () => ({
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  storageKey: text("storage_key").notNull().unique(),
});
/** What an alert says (about a batch, or about the system): its type, how grave, who raised it and why, and its resolution. */
const alert = <U extends string, T extends Readonly<[U, ...U[]]>>(types: T) => ({
  type: text("type", { enum: types }).notNull(),
  severity: text("severity", { enum: alertSeverities }).notNull(),
  status: text("status", { enum: alertStatuses }).notNull().default("open"),
  source: text("source").notNull(),
  message: text("message").notNull(),
  details: jsonb("details").notNull().default({}),
  resolvedBy: bigint("resolved_by", { mode: "number" }).references((): AnyPgColumn => users.id),
  resolutionNote: text("resolution_note"),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  createdAt: createdAt(),
});
/** At most one row in `status` (an open alert, a pending request) per `columns`. */
const onlyOne = (table: string, status: "open" | "pending", ...columns: [AnyPgColumn, ...AnyPgColumn[]]) =>
  uniqueIndex(`${table}_one_${status}`)
    .on(...columns)
    .where(sql.raw(`status = '${status}'`));

/** The finished rows (processed, resolved) by when: an index on `at` where it is set. */
const finishedBy = (table: string, at: AnyPgColumn) =>
  index(`${table}_${at.name}_idx`)
    .on(at)
    .where(sql.raw(`${at.name} is not null`));

/** A table of balances: none below zero, and the positive ones found by `by` (a holder, a warehouse). */
const balanceOf = (name: string, by: AnyPgColumn) => [
  check(`${name}_balance_check`, sql`balance >= 0`),
  index(`${name}_${by.name}_idx`)
    .on(by)
    .where(sql`balance > 0`),
];

const timestamps = {
  createdAt: createdAt(),
  updatedAt: updatedAt(),
};

/** The columns the inventory sorts by, each with its keyset index (column, id); batch_code has its own. */
const sortedBy = [
  "createdAt",
  "cuppingScore",
  "expiryDate",
  "harvestDate",
  "originCountry",
  "ownerAddress",
  "pricePerKg",
  "process",
  "qualityGrade",
  "quantityKg",
  "riskLevel",
  "riskScore",
] as const;

export const batches = table(
  "batches",
  {
    id: identity(),
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
  },
  (t) => [
    check("batches_altitude_m_check", sql`altitude_m >= 0 and altitude_m <= 6000`),
    check("batches_cupping_score_check", sql`cupping_score >= 0 and cupping_score <= 100`),
    check("batches_minted_has_token", sql`${t.tokenId} is not null or ${isOneOf(t.status, unmintedStatuses)}`),
    check("batches_moisture_pct_check", sql`moisture_pct >= 0 and moisture_pct <= 100`),
    check("batches_onchain_quantity_check", sql`onchain_quantity >= 0`),
    check("batches_price_per_kg_check", sql`price_per_kg >= 0`),
    check("batches_quantity_kg_check", sql`quantity_kg >= 0`),
    check("batches_risk_score_check", sql`risk_score >= 0 and risk_score <= 100`),
    index("batches_batch_code_id_idx").on(t.batchCode, t.id),
    ...sortedBy.map((c) => index(`batches_${t[c].name}_idx`).on(t[c], t.id)),
    index("batches_search_idx").using(
      "gin",
      sql`(batch_code || ' ' || coalesce(farm, '') || ' ' || coalesce(cooperative, '') || ' ' || origin_country || ' ' || coalesce(region, '')) gin_trgm_ops`,
    ),
    index("batches_sellable_expiry_idx")
      .on(t.expiryDate, t.id)
      .where(sql`status in ('active', 'verified', 'flagged')`),
    index("batches_sellable_expiry_stock_idx")
      .on(t.expiryDate, t.originCountry, t.process, t.warehouse, t.quantityKg)
      .where(sql`status in ('active', 'verified', 'flagged')`),
    index("batches_status_idx").on(t.status, t.id),
    index("batches_status_expiry_idx").on(t.status, t.expiryDate, t.id),
    index("batches_sync_status_idx").on(t.syncStatus, t.id),
    index("batches_token_id_idx").on(t.tokenId, t.id),
    index("batches_updated_at_idx").on(t.updatedAt, t.id),
    index("batches_verification_status_idx").on(t.verificationStatus, t.id),
    index("batches_verification_status_expiry_idx").on(t.verificationStatus, t.expiryDate, t.id),
    index("batches_warehouse_idx").on(t.warehouse, t.id),
    unique("batches_chain_id_token_id_key").on(t.chainId, t.tokenId),
  ],
);

/** The events feed's change numbers (blockchain_events.seq). */
export const blockchainEventsSeq = pgSequence("blockchain_events_seq");

export const blockchainEvents = table(
  "blockchain_events",
  {
    id: identity(),
    ...contract(),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    blockHash: text("block_hash").notNull(),
    txHash: text("tx_hash").notNull(),
    logIndex: integer("log_index").notNull(),
    name: text("name").notNull(),
    tokenId: tokenId("token_id"),
    args: jsonb("args").notNull(),
    status: text("status", { enum: eventStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    blockTime: timestamp("block_time", { withTimezone: true }).notNull().defaultNow(),
    seq: bigint("seq", { mode: "number" })
      .notNull()
      .default(sql`nextval('${sql.raw(blockchainEventsSeq.seqName!)}')`),
    createdAt: createdAt(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    index("blockchain_events_block_idx").on(t.chainId, t.blockNumber),
    index("blockchain_events_block_time_idx").on(t.blockTime),
    index("blockchain_events_created_idx").on(t.createdAt, t.id),
    uniqueIndex("blockchain_events_seq_idx").on(t.seq),
    index("blockchain_events_status_idx").on(t.status, t.nextAttemptAt),
    index("blockchain_events_token_idx").on(t.tokenId),
    index("blockchain_events_tx_idx").on(t.txHash),
    unique("blockchain_events_log_key").on(t.chainId, t.blockHash, t.logIndex),
  ],
);

export const listenerState = table("listener_state", {
  id: text("id").primaryKey(),
  ...contract(),
  lastBlock: bigint("last_block", { mode: "bigint" }).notNull(),
  isActive: boolean("is_active").notNull().default(true),
  headBlock: bigint("head_block", { mode: "bigint" }),
  blockRange: integer("block_range"),
  lastError: text("last_error"),
  lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
  updatedAt: updatedAt(),
});

export const listenerBlocks = table(
  "listener_blocks",
  {
    listenerId: text("listener_id")
      .notNull()
      .references(() => listenerState.id, { onDelete: "cascade" }),
    blockNumber: bigint("block_number", { mode: "bigint" }).notNull(),
    blockHash: text("block_hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.listenerId, t.blockNumber] })],
);

export const importLogs = table(
  "import_logs",
  {
    id: identity(),
    ...token(),
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
    action: text("action", { enum: importActions }).notNull(),
    message: text("message"),
    createdAt: createdAt(),
  },
  (t) => [index("import_logs_token_idx").on(t.chainId, t.tokenId)],
);

export const organisations = table(
  "organisations",
  {
    id: identity(),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    deliveryWallet: text("delivery_wallet").references((): AnyPgColumn => organisationWallets.address),
    createdAt: createdAt(),
  },
  (t) => [
    check("organisations_delivery_wallet_check", sql`delivery_wallet is null or ${isOneOf(t.kind, buyerKinds)}`),
    check("organisations_name_check", sql`length(btrim(name)) >= 1 and length(btrim(name)) <= 120`),
    uniqueIndex("organisations_one_operator_idx")
      .on(t.kind)
      .where(sql`kind = 'operator'`),
  ],
);

export const organisationWallets = table(
  "organisation_wallets",
  {
    address: text("address").primaryKey(),
    organisationId: ref("organisation_id", () => organisations.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisation_wallets_address_check", sql`address ~ '^0x[0-9a-f]{40}$'`),
    index("organisation_wallets_organisation_idx").on(t.organisationId, t.address),
  ],
);

export const users = table(
  "users",
  {
    id: identity(),
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
  },
  (t) => [check("users_email_check", sql`email = lower(email)`)],
);

export const authTokens = table(
  "auth_tokens",
  {
    id: identity(),
    purpose: text("purpose", { enum: tokenPurposes }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: bigint("user_id", { mode: "number" }).references(() => users.id, { onDelete: "cascade" }),
    email: text("email"),
    role: text("role", { enum: roles }),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("auth_tokens_email_check", sql`email = lower(email)`),
    index("auth_tokens_email_idx")
      .on(t.purpose, t.email)
      .where(sql`used_at is null`),
  ],
);

export const caughtMails = table("caught_mails", {
  id: identity(),
  mailFrom: text("mail_from"),
  rcptTo: text("rcpt_to").array().notNull(),
  subject: text("subject"),
  textBody: text("text_body"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export const wallets = table(
  "wallets",
  {
    address: text("address").primaryKey(),
    userId: ref("user_id", () => users.id, { onDelete: "cascade" }),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("wallets_address_check", sql`${t.address} ~ '^0x[0-9a-f]{40}$'`)],
);

export const siweNonces = table("siwe_nonces", {
  nonce: text("nonce").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

export const apiKeys = table("api_keys", {
  id: identity(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull().unique(),
  keyHash: text("key_hash").notNull(),
  role: text("role", { enum: apiKeyRoles }).notNull(),
  createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
  createdAt: createdAt(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

export const signInEvents = table(
  "sign_in_events",
  {
    id: identity(),
    userId: bigint("user_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    method: text("method", { enum: signInMethods }).notNull(),
    identifier: text("identifier").notNull(),
    isSuccess: boolean("is_success").notNull(),
    reason: text("reason"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_events_created_idx").on(t.createdAt.desc().nullsFirst())],
);

/** Unlogged (a hit commits without waiting for the disk; counters start over after a crash). */
export const rateLimits = table(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const auditRecords = table(
  "audit_records",
  {
    id: identity(),
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
    createdAt: createdAt(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("audit_records_batch_idx").on(t.batchId, t.position),
    index("audit_records_entity_idx").on(t.entity, t.entityId),
    index("audit_records_feed_idx")
      .on(t.createdAt, t.id)
      .where(sql`action not like 'chain.%' and action not in ('alert.raised', 'verification.requested')`),
  ],
);

export const verificationRequests = table(
  "verification_requests",
  {
    id: identity(),
    batchId: ref("batch_id", () => batches.id),
    status: text("status", { enum: verificationRequestStatuses }).notNull().default("pending"),
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
    createdAt: createdAt(),
  },
  (t) => [
    index("verification_requests_batch_idx").on(t.batchId, t.id),
    index("verification_requests_created_idx").on(t.createdAt, t.id),
    onlyOne("verification_requests", "pending", t.batchId),
    finishedBy("verification_requests", t.processedAt),
    index("verification_requests_status_idx").on(t.status, t.id),
  ],
);

export const qualityChecks = table(
  "quality_checks",
  {
    id: identity(),
    batchId: ref("batch_id", () => batches.id),
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
    grade: text("grade", { enum: qualityGrades }).notNull(),
    fullDefects: numeric("full_defects", { precision: 9, scale: 2 }).notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    rulesVersion: text("rules_version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("quality_checks_batch_idx").on(t.batchId, t.id),
    index("quality_checks_created_at_idx").on(t.createdAt),
  ],
);

export const qualityCheckFiles = table("quality_check_files", {
  id: identity(),
  qualityCheckId: ref("quality_check_id", () => qualityChecks.id),
  kind: text("kind", { enum: qualityFileKinds }).notNull(),
  ...storedFile(),
  createdAt: createdAt(),
});

export const fraudAssessments = table(
  "fraud_assessments",
  {
    id: identity(),
    batchId: ref("batch_id", () => batches.id),
    score: integer("score").notNull(),
    modelVersion: text("model_version").notNull(),
    factors: jsonb("factors").notNull(),
    assessedBy: bigint("assessed_by", { mode: "number" }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("fraud_assessments_score_check", sql`score >= 0 and score <= 100`),
    index("fraud_assessments_batch_idx").on(t.batchId, t.id),
    index("fraud_assessments_created_at_idx").on(t.createdAt),
  ],
);

export const systemAlerts = table(
  "system_alerts",
  {
    id: identity(),
    ...alert(systemAlertTypes),
  },
  (t) => [
    check("system_alerts_resolution_note_check", sql`length(resolution_note) between 3 and 500`),
    onlyOne("system_alerts", "open", t.type, t.source),
  ],
);

export const batchAlerts = table(
  "batch_alerts",
  {
    id: identity(),
    batchId: ref("batch_id", () => batches.id),
    ...alert(alertTypes),
  },
  (t) => [
    check("batch_alerts_check", sql`(status = 'resolved') = (resolved_at is not null and resolution_note is not null)`),
    index("batch_alerts_batch_idx").on(t.batchId, t.type, t.source),
    index("batch_alerts_created_idx").on(t.createdAt, t.id),
    onlyOne("batch_alerts", "open", t.batchId, t.type, t.source),
    finishedBy("batch_alerts", t.resolvedAt),
    index("batch_alerts_status_idx").on(t.status, t.severity),
  ],
);

export const chainlinkRequests = table(
  "chainlink_requests",
  {
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
    state: text("state", { enum: chainlinkRequestStates }),
    applied: boolean("applied"),
    error: text("error"),
    requester: text("requester"),
    requestTx: text("request_tx"),
    settleTx: text("settle_tx"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("chainlink_requests_id_check", sql`id ~ '^0x[0-9a-f]{64}$'`),
    index("chainlink_requests_batch_idx").on(t.batchId, t.createdAt.desc().nullsFirst()),
    index("chainlink_requests_token_idx").on(t.chainId, t.tokenId, t.createdAt.desc().nullsFirst()),
  ],
);

export const chainlinkCalls = table(
  "chainlink_calls",
  {
    id: identity(),
    chainlinkRequestId: text("chainlink_request_id"),
    checkType: text("check_type").notNull(),
    tokenId: text("token_id"),
    outcome: text("outcome", { enum: chainlinkCallOutcomes }).notNull(),
    status: integer("status").notNull(),
    reason: text("reason"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [
    index("chainlink_calls_refused_idx")
      .on(t.createdAt)
      .where(sql`outcome = 'refused'`),
    index("chainlink_calls_request_idx").on(t.chainlinkRequestId, t.id),
  ],
);

export const chainlinkNonces = table("chainlink_nonces", {
  nonce: text("nonce").primaryKey(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

export const syncHistory = table(
  "sync_history",
  {
    id: identity(),
    jobId: text("job_id"),
    trigger: text("trigger", { enum: syncTriggers }).notNull(),
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
    status: text("status", { enum: syncRunStatuses }).notNull().default("queued"),
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
  },
  (t) => [
    index("sync_history_created_idx").on(t.createdAt, t.id),
    finishedBy("sync_history", t.finishedAt),
    uniqueIndex("sync_history_one_active")
      .on(sql`(true)`)
      .where(sql`${t.batchId} is null and ${isOneOf(t.status, activeSyncRunStatuses)}`),
    index("sync_history_recent_idx").on(t.id.desc().nullsFirst()),
  ],
);

export const syncResults = table(
  "sync_results",
  {
    id: identity(),
    syncId: ref("sync_id", () => syncHistory.id),
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
    tokenId: tokenId("token_id"),
    field: text("field").notNull(),
    offchain: text("offchain"),
    onchain: text("onchain"),
    action: text("action", { enum: syncResultActions }).notNull(),
    detail: text("detail"),
    createdAt: createdAt(),
  },
  (t) => [index("sync_results_batch_idx").on(t.batchId, t.id), index("sync_results_sync_idx").on(t.syncId, t.id)],
);

export const blockchainTransactions = table(
  "blockchain_transactions",
  {
    id: identity(),
    chainId: integer("chain_id").notNull(),
    txHash: text("tx_hash").notNull(),
    kind: text("kind", { enum: transactionKinds }).notNull(),
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
    fromAddress: text("from_address"),
    nonce: bigint("nonce", { mode: "number" }),
    status: text("status", { enum: transactionStatuses }).notNull().default("pending"),
    gasUsed: tokenId("gas_used"),
    blockNumber: tokenId("block_number"),
    ...timestamps,
  },
  (t) => [
    unique().on(t.chainId, t.txHash),
    index("blockchain_transactions_pending_idx")
      .on(t.status, t.id)
      .where(sql`status = 'pending'`),
  ],
);

/** Rows, kilograms and dollars per value of each dimension (see the scale migration). */
export const counts = table(
  "counts",
  {
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
    kg: numeric("kg", { precision: 20, scale: 3 }).notNull().default("0"),
    usd: numeric("usd", { precision: 24, scale: 2 }).notNull().default("0"),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.value] })],
);

export const countDeltas = table("count_deltas", {
  id: identity(),
  dimension: text("dimension").notNull(),
  value: text("value").notNull(),
  n: bigint("n", { mode: "number" }).notNull(),
  kg: numeric("kg", { precision: 20, scale: 3 }).notNull(),
  usd: numeric("usd", { precision: 24, scale: 2 }).notNull(),
});

/** Each system component's last seen state and since when it has held it (the dashboard migration). */
export const componentStates = table("component_states", {
  component: text("component").primaryKey(),
  state: text("state", { enum: systemStates }).notNull(),
  since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The worker's loops report here (listener rounds, the local Chainlink DON's steps). */
export const heartbeats = table("heartbeats", {
  name: text("name").primaryKey(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
  okAt: timestamp("ok_at", { withTimezone: true }),
  error: text("error"),
  errorAt: timestamp("error_at", { withTimezone: true }),
});
// Analytics rollups (see the analytics migration); lib/analytics/refresh.ts keeps them.
// A rollup's figures and keys: a count, a sum (of kilograms, percentages or points), a label.
const count = (name: string) => integer(name).notNull();
const sum = (name: string) => numeric(name, { precision: 20, scale: 3 }).notNull();
const points = (name: string) => bigint(name, { mode: "number" }).notNull();
const label = (name: string) => text(name).notNull();
const dims = {
  originCountry: label("origin_country"),
  process: label("process"),
  warehouse: label("warehouse"),
};
const day = () => date("day").notNull();

/** A daily rollup: its day and dimensions, then its figures; keyed by the day, the dimensions and `key`. */
function daily<C extends Record<string, PgColumnBuilderBase>>(name: string, columns: C, key?: keyof C & string) {
  return table(name, { day: day(), ...dims, ...columns }, (t) => {
    const extra = key ? [(t as unknown as Record<string, AnyPgColumn>)[key]] : [];
    return [primaryKey({ columns: [t.day, t.originCountry, t.process, t.warehouse, ...extra] })];
  });
}

export const analyticsState = table("analytics_state", {
  id: text("id").primaryKey(),
  refreshedThrough: timestamp("refreshed_through", { withTimezone: true }).notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  durationMs: integer("duration_ms").notNull().default(0),
});

export const analyticsRemovals = table(
  "analytics_removals",
  {
    // No foreign key: a batch's delete takes this row with it by a statement trigger (migration 20261204100000).
    batchId: bigint("batch_id", { mode: "number" }).primaryKey(),
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("analytics_removals_removed_at_idx").on(t.removedAt)],
);

export const analyticsBatchFacts = table("analytics_batch_facts", {
  // No foreign key: a batch's delete takes this row with it by a statement trigger (migration 20261204100000).
  batchId: bigint("batch_id", { mode: "number" }).primaryKey(),
  ...dims,
  quantityKg: numeric("quantity_kg", { precision: 14, scale: 3 }).notNull(),
  isCounted: boolean("is_counted").notNull(),
});

/** analytics_stock_daily summed over process and warehouse: what the origin chart and the forecast read. */
export const analyticsStockOriginDaily = table(
  "analytics_stock_origin_daily",
  {
    day: day(),
    originCountry: dims.originCountry,
    mintedKg: sum("minted_kg"),
    removedKg: sum("removed_kg"),
  },
  (t) => [primaryKey({ columns: [t.day, t.originCountry] })],
);

export const analyticsStockDaily = daily("analytics_stock_daily", {
  mintedBatches: count("minted_batches"),
  mintedKg: sum("minted_kg"),
  removedBatches: count("removed_batches"),
  removedKg: sum("removed_kg"),
});

export const analyticsVerificationDaily = daily("analytics_verification_daily", {
  approved: count("approved"),
  rejected: count("rejected"),
  discrepancyKg: sum("discrepancy_kg"),
  discrepancyPct: sum("discrepancy_pct"),
});

export const analyticsQualityDaily = daily(
  "analytics_quality_daily",
  {
    grade: label("grade"),
    checks: count("checks"),
  },
  "grade",
);

export const analyticsFraudDaily = daily(
  "analytics_fraud_daily",
  {
    riskLevel: label("risk_level"),
    assessments: count("assessments"),
    scoreSum: points("score_sum"),
  },
  "riskLevel",
);

export const analyticsFraudFactorsDaily = daily(
  "analytics_fraud_factors_daily",
  {
    factor: label("factor"),
    hits: count("hits"),
    points: points("points"),
  },
  "factor",
);

export const analyticsAlertsDaily = daily(
  "analytics_alerts_daily",
  {
    type: label("type"),
    opened: count("opened"),
    resolved: count("resolved"),
  },
  "type",
);

export const analyticsEventsHourly = table(
  "analytics_events_hourly",
  {
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    name: text("name").notNull(),
    events: integer("events").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.name] })],
);

export const analyticsSyncHourly = table("analytics_sync_hourly", {
  hour: timestamp("hour", { withTimezone: true }).primaryKey(),
  runs: integer("runs").notNull(),
  failed: integer("failed").notNull(),
  lagMsSum: bigint("lag_ms_sum", { mode: "number" }).notNull(),
  lagMsMax: bigint("lag_ms_max", { mode: "number" }).notNull(),
  checked: bigint("checked", { mode: "number" }).notNull(),
  updated: bigint("updated", { mode: "number" }).notNull(),
  flagged: bigint("flagged", { mode: "number" }).notNull(),
});

export const analyticsExpiry = table(
  "analytics_expiry",
  {
    expiryDate: date("expiry_date").notNull(),
    ...dims,
    batches: integer("batches").notNull(),
    kg: numeric("kg", { precision: 20, scale: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.expiryDate, t.originCountry, t.process, t.warehouse] })],
);

/** Each range of audit records sent to the AuditAnchor contract (supabase/migrations/*_provenance.sql). */
export const auditAnchors = table(
  "audit_anchors",
  {
    id: identity(),
    ...contract(),
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
    createdAt: createdAt(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [
    check("audit_anchors_check", sql`from_position >= 1 and to_position >= from_position`),
    uniqueIndex("audit_anchors_one_live")
      .on(t.chainId, t.contractAddress, t.fromPosition)
      .where(sql`status <> 'failed'`),
    index("audit_anchors_range_idx")
      .on(t.chainId, t.contractAddress, t.toPosition)
      .where(sql`status = 'confirmed'`),
  ],
);

/** Each anchored record's Merkle path (`{ side, hash }` steps), stored when its anchor's root is sent. */
export const auditPaths = table(
  "audit_paths",
  {
    anchorId: ref("anchor_id", () => auditAnchors.id, { onDelete: "cascade" }),
    position: bigint("position", { mode: "number" }).notNull(),
    path: jsonb("path").notNull(),
  },
  (t) => [primaryKey({ columns: [t.anchorId, t.position] })],
);

export const traceScans = table(
  "trace_scans",
  {
    batchId: ref("batch_id", () => batches.id),
    place: text("place").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.hour, t.place] })],
);

export const traceScanClients = table(
  "trace_scan_clients",
  {
    batchId: ref("batch_id", () => batches.id),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    client: text("client").notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.hour, t.client] }), index("trace_scan_clients_hour_idx").on(t.hour)],
);

export const warehouses = table(
  "warehouses",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull().unique(),
    country: text("country").notNull(),
    address: text("address"),
    capacityKg: numeric("capacity_kg", { precision: 14, scale: 3 }).notNull(),
    isActive: boolean("is_active").notNull().default(true),
    ...timestamps,
  },
  () => [
    check("warehouses_capacity_kg_check", sql`capacity_kg > 0`),
    check("warehouses_code_check", sql`code ~ '^[A-Z0-9][A-Z0-9-]{1,30}$'`),
    check("warehouses_country_check", sql`length(country) between 2 and 80`),
    check("warehouses_name_check", sql`length(name) between 1 and 120`),
  ],
);

export const stockMovements = table(
  "stock_movements",
  {
    id: identity(),
    ...token(),
    type: text("type", { enum: movementTypes }).notNull(),
    /** Why an adjustment was made (only adjustments have one). */
    reason: text("reason", { enum: adjustmentReasons }),
    quantity: tokenId("quantity").notNull(),
    fromHolder: text("from_holder"),
    toHolder: text("to_holder"),
    fromWarehouse: text("from_warehouse"),
    toWarehouse: text("to_warehouse"),
    note: text("note"),
    actor: text("actor"),
    eventId: bigint("event_id", { mode: "number" }).references(() => blockchainEvents.id),
    reservationId: bigint("reservation_id", { mode: "number" }).references((): AnyPgColumn => reservations.id),
    part: integer("part").notNull().default(0),
    txHash: text("tx_hash"),
    blockNumber: bigint("block_number", { mode: "bigint" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.eventId, t.part),
    // A reservation's booking moves no stock: no holders.
    check(
      "stock_movements_check",
      sql`${isOneOf(t.type, bookingTypes)} or ((from_holder is null) = (from_warehouse is null) and (to_holder is null) = (to_warehouse is null))`,
    ),
    check(
      "stock_movements_check1",
      sql`${isOneOf(t.type, bookingTypes)} or from_holder is not null or to_holder is not null`,
    ),
    check("stock_movements_booking_check", sql`(${isOneOf(t.type, bookingTypes)}) = (reservation_id is not null)`),
    uniqueIndex("stock_movements_reservation_idx")
      .on(t.reservationId, t.type)
      .where(sql`reservation_id is not null`),
    check("stock_movements_check2", sql`type <> 'adjusted' or reason is not null`),
    check("stock_movements_quantity_check", sql`quantity > 0`),
    index("stock_movements_occurred_idx").on(t.occurredAt, t.id),
    index("stock_movements_to_holder_idx").on(t.toHolder, t.chainId, t.tokenId),
    index("stock_movements_token_idx").on(t.chainId, t.tokenId, t.id),
  ],
);

export const holdings = table(
  "holdings",
  {
    ...token(),
    holder: text("holder").notNull(),
    balance: tokenId("balance").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.tokenId, t.holder] }), ...balanceOf("holdings", t.holder)],
);

export const warehouseStock = table(
  "warehouse_stock",
  {
    ...token(),
    holder: text("holder").notNull(),
    warehouse: text("warehouse").notNull(),
    balance: tokenId("balance").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.tokenId, t.holder, t.warehouse] }),
    ...balanceOf("warehouse_stock", t.warehouse),
  ],
);

export const organisationAddresses = table(
  "organisation_addresses",
  {
    id: identity(),
    organisationId: ref("organisation_id", () => organisations.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    lines: text("lines").notNull(),
    country: text("country").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.organisationId, t.label),
    check("organisation_addresses_country_check", sql`length(country) between 2 and 80`),
    check("organisation_addresses_label_check", sql`length(btrim(label)) between 1 and 80`),
    check("organisation_addresses_lines_check", sql`length(btrim(lines)) between 1 and 500`),
  ],
);

export const orders = table(
  "orders",
  {
    id: identity(),
    buyerId: ref("buyer_id", () => organisations.id),
    status: text("status", { enum: orderStatuses }).notNull().default("draft"),
    currency: text("currency").notNull(),
    deliveryAddressId: bigint("delivery_address_id", { mode: "number" }).references(() => organisationAddresses.id),
    note: text("note"),
    idempotencyKey: text("idempotency_key").unique(),
    requestHash: text("request_hash"),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("orders_currency_check", sql`currency ~ '^[A-Z]{3}$'`),
    check("orders_idempotency_key_check", sql`length(idempotency_key) between 1 and 200`),
    index("orders_buyer_idx").on(t.buyerId, t.id),
    index("orders_status_idx").on(t.status, t.id),
  ],
);

export const orderLines = table(
  "order_lines",
  {
    id: identity(),
    orderId: ref("order_id", () => orders.id, { onDelete: "cascade" }),
    batchId: ref("batch_id", () => batches.id),
    warehouse: text("warehouse").references(() => warehouses.code),
    quantity: tokenId("quantity").notNull(),
    pricePerKg: numeric("price_per_kg", { precision: 12, scale: 2 }).notNull(),
  },
  (t) => [
    unique().on(t.orderId, t.batchId),
    check("order_lines_price_per_kg_check", sql`price_per_kg >= 0`),
    check("order_lines_quantity_check", sql`quantity > 0`),
    index("order_lines_batch_idx").on(t.batchId),
  ],
);

export const reservations = table(
  "reservations",
  {
    id: identity(),
    orderLineId: ref("order_line_id", () => orderLines.id, { onDelete: "cascade" }),
    batchId: ref("batch_id", () => batches.id),
    warehouse: text("warehouse"),
    quantity: tokenId("quantity").notNull(),
    status: text("status", { enum: reservationStatuses }).notNull().default("active"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    check("reservations_quantity_check", sql`quantity > 0`),
    index("reservations_due_idx")
      .on(t.expiresAt)
      .where(sql`status = 'active'`),
    index("reservations_held_idx").on(t.batchId, t.warehouse).where(isOneOf(t.status, heldReservationStatuses)),
    uniqueIndex("reservations_one_per_line_idx")
      .on(t.orderLineId)
      .where(sql`status in ('active', 'shipping', 'shipped')`),
  ],
);

export const shipments = table(
  "shipments",
  {
    id: identity(),
    orderLineId: ref("order_line_id", () => orderLines.id, { onDelete: "cascade" }),
    reservationId: bigint("reservation_id", { mode: "number" }).references(() => reservations.id),
    purpose: text("purpose", { enum: shipmentPurposes }).notNull().default("order"),
    returnId: bigint("return_id", { mode: "number" }).references((): AnyPgColumn => returns.id),
    ...token(),
    quantity: tokenId("quantity").notNull(),
    method: text("method", { enum: shipmentMethods }).notNull(),
    fromHolder: text("from_holder").notNull(),
    toHolder: text("to_holder"),
    status: text("status", { enum: shipmentStatuses }).notNull().default("queued"),
    sender: text("sender"),
    nonce: integer("nonce"),
    rawTx: text("raw_tx"),
    txHash: text("tx_hash").unique(),
    error: text("error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    indexedAt: timestamp("indexed_at", { withTimezone: true }),
  },
  (t) => [
    check("shipments_check", sql`(method = 'transfer') = (to_holder is not null)`),
    check("shipments_quantity_check", sql`quantity > 0`),
    index("shipments_open_idx")
      .on(t.id)
      .where(sql`status in ('queued', 'sent')`),
    check(
      "shipments_purpose_check1",
      sql`(purpose = 'order') = (reservation_id is not null) and (purpose = 'order') = (return_id is null)`,
    ),
    uniqueIndex("shipments_one_per_line_idx")
      .on(t.orderLineId)
      .where(sql`status <> 'failed' and purpose = 'order'`),
    uniqueIndex("shipments_one_per_return_idx")
      .on(t.returnId, t.purpose)
      .where(sql`status <> 'failed' and return_id is not null`),
  ],
);

export const returns = table(
  "returns",
  {
    id: identity(),
    orderId: ref("order_id", () => orders.id),
    orderLineId: ref("order_line_id", () => orderLines.id),
    batchId: ref("batch_id", () => batches.id),
    buyerId: ref("buyer_id", () => organisations.id),
    quantity: tokenId("quantity").notNull(),
    reason: text("reason", { enum: returnReasons }).notNull(),
    note: text("note"),
    contractGrade: text("contract_grade", { enum: qualityGrades }),
    status: text("status", { enum: returnStatuses }).notNull().default("requested"),
    warehouse: text("warehouse").references(() => warehouses.code),
    inspection: jsonb("inspection"),
    grade: text("grade", { enum: qualityGrades }),
    gradeReasons: jsonb("grade_reasons").$type<string[]>(),
    contaminated: boolean("contaminated"),
    recommendation: jsonb("recommendation"),
    disposition: text("disposition", { enum: dispositions }),
    overridden: boolean("overridden"),
    decisionNote: text("decision_note"),
    recoveryValue: numeric("recovery_value", { precision: 14, scale: 2 }),
    settlement: text("settlement", { enum: settlements }),
    refund: numeric("refund", { precision: 14, scale: 2 }),
    requestedBy: bigint("requested_by", { mode: "number" }).references(() => users.id),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    inspectedAt: timestamp("inspected_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: bigint("decided_by", { mode: "number" }).references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("returns_check", sql`(status in ('deciding', 'closed')) = (disposition is not null) or status = 'rejected'`),
    check("returns_check1", sql`overridden is not true or decision_note is not null`),
    check("returns_decision_note_check", sql`length(decision_note) <= 2000`),
    check("returns_note_check", sql`length(note) <= 2000`),
    check("returns_quantity_check", sql`quantity > 0`),
    check("returns_refund_check", sql`refund >= 0`),
    index("returns_line_idx")
      .on(t.orderLineId)
      .where(sql`status <> 'rejected'`),
    index("returns_status_idx").on(t.status, t.id),
    index("returns_buyer_idx").on(t.buyerId, t.id),
    index("returns_batch_idx").on(t.batchId),
  ],
);

export const returnFiles = table(
  "return_files",
  {
    id: identity(),
    returnId: ref("return_id", () => returns.id),
    ...storedFile(),
    createdAt: createdAt(),
  },
  (t) => [index("return_files_return_idx").on(t.returnId)],
);

export const settings = table("settings", {
  key: text("key", { enum: settingKeys }).primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: bigint("updated_by", { mode: "number" }).references(() => users.id),
  updatedAt: updatedAt(),
});

export const outboundEvents = table("outbound_events", {
  id: identity(),
  type: text("type", { enum: webhookEventTypes }).notNull(),
  source: text("source").notNull().unique(),
  batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
  severity: text("severity", { enum: alertSeverities }),
  data: jsonb("data").notNull(),
  createdAt: createdAt(),
});

export const outboxState = table(
  "outbox_state",
  {
    id: boolean("id").primaryKey().default(true),
    auditPosition: bigint("audit_position", { mode: "number" }).notNull(),
    dispatchedId: bigint("dispatched_id", { mode: "number" }).notNull().default(0),
  },
  () => [check("outbox_state_id_check", sql`id`)],
);

export const webhookEndpoints = table(
  "webhook_endpoints",
  {
    id: identity(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: text("event_types").array().notNull().$type<(typeof webhookEventTypes)[number][]>(),
    status: text("status", { enum: endpointStatuses }).notNull().default("active"),
    secretSealed: text("secret_sealed").notNull(),
    previousSecretSealed: text("previous_secret_sealed"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    failureStreak: integer("failure_streak").notNull().default(0),
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check("webhook_endpoints_check", sql`(previous_secret_sealed is null) = (previous_secret_expires_at is null)`),
    check("webhook_endpoints_description_check", sql`length(description) <= 200`),
    check("webhook_endpoints_event_types_check", sql`cardinality(event_types) between 1 and 40`),
    check("webhook_endpoints_failure_streak_check", sql`failure_streak >= 0`),
    check("webhook_endpoints_url_check", sql`length(url) between 8 and 2000`),
  ],
);

export const webhookDeliveries = table(
  "webhook_deliveries",
  {
    id: identity(),
    endpointId: ref("endpoint_id", () => webhookEndpoints.id),
    eventId: ref("event_id", () => outboundEvents.id),
    messageId: text("message_id").notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastLatencyMs: integer("last_latency_ms"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    check("webhook_deliveries_attempts_check", sql`attempts >= 0`),
    check("webhook_deliveries_check", sql`(status = 'pending') = (next_attempt_at is not null)`),
    unique("webhook_deliveries_endpoint_id_event_id_key").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
  ],
);

export const webhookAttempts = table(
  "webhook_attempts",
  {
    id: identity(),
    deliveryId: ref("delivery_id", () => webhookDeliveries.id),
    attempt: integer("attempt").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    requestHeaders: jsonb("request_headers").notNull().$type<Record<string, string>>(),
    requestBody: text("request_body").notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    latencyMs: integer("latency_ms").notNull(),
    error: text("error"),
  },
  (t) => [
    check("webhook_attempts_attempt_check", sql`attempt >= 1`),
    check("webhook_attempts_response_body_check", sql`length(response_body) <= 4096`),
    unique("webhook_attempts_delivery_id_attempt_key").on(t.deliveryId, t.attempt),
  ],
);

export const alertSubscriptions = table("alert_subscriptions", {
  userId: bigint("user_id", { mode: "number" })
    .primaryKey()
    .references(() => users.id),
  minSeverity: text("min_severity", { enum: alertSeverities }).notNull().default("high"),
  byEmail: boolean("by_email").notNull().default(false),
  inInbox: boolean("in_inbox").notNull().default(true),
  updatedAt: updatedAt(),
});

export const notifications = table(
  "notifications",
  {
    id: identity(),
    userId: ref("user_id", () => users.id),
    eventId: ref("event_id", () => outboundEvents.id),
    severity: text("severity", { enum: alertSeverities }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailState: text("email_state", { enum: emailStates }).notNull().default("none"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("notifications_user_id_event_id_key").on(t.userId, t.eventId),
    index("notifications_unread_idx")
      .on(t.userId, t.id)
      .where(sql`read_at is null`),
    index("notifications_mail_idx")
      .on(t.userId)
      .where(sql`email_state = 'pending'`),
  ],
);

export const monitorSamples = table(
  "monitor_samples",
  {
    id: identity(),
    metric: text("metric", { enum: monitorMetrics }).notNull(),
    value: numeric("value").notNull(),
    details: jsonb("details").notNull().default({}),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("monitor_samples_metric_idx").on(t.metric, t.takenAt)],
);

export const detectorStates = table("detector_states", {
  detector: text("detector", { enum: detectorNames }).primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
  findings: integer("findings").notNull(),
  evidence: jsonb("evidence").notNull().default([]),
  error: text("error"),
});

export const recommendations = table(
  "recommendations",
  {
    id: identity(),
    kind: text("kind", { enum: recommendationKinds }).notNull(),
    status: text("status", { enum: recommendationStatuses }).notNull().default("open"),
    source: text("source").notNull(),
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
    endpointId: bigint("endpoint_id", { mode: "number" }).references(() => webhookEndpoints.id),
    alertId: bigint("alert_id", { mode: "number" }).references(() => batchAlerts.id),
    systemAlertId: bigint("system_alert_id", { mode: "number" }).references(() => systemAlerts.id),
    title: text("title").notNull(),
    factors: jsonb("factors").notNull(),
    confidence: numeric("confidence", { precision: 4, scale: 3 }).notNull(),
    expectedEffect: text("expected_effect").notNull(),
    evidence: jsonb("evidence").notNull(),
    decidedBy: bigint("decided_by", { mode: "number" }).references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    result: jsonb("result"),
    createdAt: createdAt(),
  },
  (t) => [
    check("recommendations_check", sql`status <> 'dismissed' or length(decision_note) >= 3`),
    check("recommendations_confidence_check", sql`confidence between 0 and 1`),
    check("recommendations_decision_note_check", sql`length(decision_note) <= 500`),
    onlyOne("recommendations", "open", t.kind, t.source),
  ],
);

/** A plot of land coffee is grown on (EUDR): its GeoJSON geometry, area and what validation found. */
export const plots = table(
  "plots",
  {
    id: identity(),
    organisationId: bigint("organisation_id", { mode: "number" }).references(() => organisations.id),
    reference: text("reference").notNull(),
    producerName: text("producer_name").notNull(),
    country: text("country").notNull(),
    region: text("region"),
    geometry: jsonb("geometry").notNull(),
    areaHa: numeric("area_ha", { precision: 12, scale: 4 }).notNull(),
    problems: jsonb("problems").$type<string[]>().notNull().default([]),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check("plots_area_ha_check", sql`area_ha > 0`),
    check("plots_country_check", sql`country ~ '^[A-Z]{2}$'`),
    check("plots_producer_name_check", sql`length(producer_name) between 1 and 200`),
    check("plots_reference_check", sql`length(reference) between 1 and 100`),
    check("plots_region_check", sql`length(region) <= 200`),
    unique("plots_organisation_id_reference_key").on(t.organisationId, t.reference).nullsNotDistinct(),
    index("plots_organisation_idx").on(t.organisationId, t.id),
  ],
);

/** Which plots a batch came from, and the share of the batch from each. */
export const batchPlots = table(
  "batch_plots",
  {
    batchId: ref("batch_id", () => batches.id),
    plotId: ref("plot_id", () => plots.id),
    sharePct: numeric("share_pct", { precision: 5, scale: 2 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("batch_plots_share_pct_check", sql`share_pct > 0 and share_pct <= 100`),
    primaryKey({ columns: [t.batchId, t.plotId] }),
    index("batch_plots_plot_idx").on(t.plotId),
  ],
);

// due diligence
/** A producer's declaration about a plot's land use since 2020-12-31; the newest counts. */
export const plotDeclarations = table(
  "plot_declarations",
  {
    id: identity(),
    plotId: ref("plot_id", () => plots.id),
    landUse: text("land_use", { enum: landUses }).notNull(),
    isDeforestationFree: boolean("is_deforestation_free").notNull(),
    declaredOn: date("declared_on").notNull(),
    declarant: text("declarant").notNull(),
    note: text("note"),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("plot_declarations_declarant_check", sql`length(declarant) between 1 and 200`),
    check("plot_declarations_note_check", sql`length(note) <= 1000`),
    index("plot_declarations_plot_idx").on(t.plotId, t.id),
  ],
);

/** A plot's legality document (land title, permit), a file in the upload store. */
export const plotDocuments = table(
  "plot_documents",
  {
    id: identity(),
    plotId: ref("plot_id", () => plots.id),
    ...storedFile(),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("plot_documents_plot_idx").on(t.plotId)],
);

/** Areas deforested after 2020-12-31, uploaded as a GeoJSON FeatureCollection of polygons. */
export const deforestationLayers = table(
  "deforestation_layers",
  {
    id: identity(),
    name: text("name").notNull(),
    features: jsonb("features").notNull(),
    featureCount: integer("feature_count").notNull(),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    createdAt: createdAt(),
  },
  () => [
    check("deforestation_layers_feature_count_check", sql`feature_count > 0`),
    check("deforestation_layers_name_check", sql`length(name) between 1 and 200`),
  ],
);

/** How many hectares of a plot lie in a layer's deforested areas. */
export const plotOverlaps = table(
  "plot_overlaps",
  {
    layerId: ref("layer_id", () => deforestationLayers.id),
    plotId: ref("plot_id", () => plots.id),
    overlapHa: numeric("overlap_ha", { precision: 12, scale: 4 }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("plot_overlaps_overlap_ha_check", sql`overlap_ha >= 0`),
    primaryKey({ columns: [t.layerId, t.plotId] }),
    index("plot_overlaps_plot_idx").on(t.plotId),
  ],
);

/** A due diligence statement for a batch or an order, and its numbers once filed. */
export const dueDiligenceStatements = table(
  "due_diligence_statements",
  {
    id: identity(),
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id),
    orderId: bigint("order_id", { mode: "number" }).references(() => orders.id),
    activity: text("activity", { enum: statementActivities }).notNull(),
    status: text("status", { enum: statementStatuses }).notNull().default("draft"),
    riskLevel: text("risk_level", { enum: eudrRiskLevels }).notNull(),
    document: jsonb("document").notNull(),
    referenceNumber: text("reference_number"),
    verificationNumber: text("verification_number"),
    filedAt: timestamp("filed_at", { withTimezone: true }),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "due_diligence_statements_filed_check",
      sql`(status = 'filed') = (reference_number is not null and verification_number is not null and filed_at is not null)`,
    ),
    check("due_diligence_statements_reference_number_check", sql`length(reference_number) between 1 and 100`),
    check("due_diligence_statements_subject_check", sql`num_nonnulls(batch_id, order_id) = 1`),
    check("due_diligence_statements_verification_number_check", sql`length(verification_number) between 1 and 100`),
    index("due_diligence_statements_batch_idx").on(t.batchId, t.id),
    index("due_diligence_statements_order_idx").on(t.orderId, t.id),
  ],
);

/** The batches a statement covers. */
export const statementBatches = table(
  "statement_batches",
  {
    statementId: ref("statement_id", () => dueDiligenceStatements.id),
    batchId: ref("batch_id", () => batches.id),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.batchId] }), index("statement_batches_batch_idx").on(t.batchId)],
);
