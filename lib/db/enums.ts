// The value lists of the database's `check (… in (…))` constraints, defined once: the Drizzle schema
// types its columns and declares its checks with them, the zod schemas and the pages read them.
// test/migrations.test.ts proves each equals its list in the migrations. No dependencies on purpose.

/** Some of a list's values, as a list of their own: the compiler checks each is one of the list's. */
const someOf = <const All extends readonly string[], const Some extends readonly All[number][]>(
  _all: All,
  some: Some,
) => some;

export const batchStatuses = ["draft", "pending_mint", "active", "verified", "flagged", "expired", "redeemed"] as const;
/** The statuses of a batch without a token yet: every other batch has one. */
export const unmintedStatuses = someOf(batchStatuses, ["draft", "pending_mint"]);
/** A batch in one of these is in stock and may be sold (reserved for an order); expired and redeemed ones may not. */
export const inStockStatuses = someOf(batchStatuses, ["active", "verified", "flagged"]);
export const verificationStatuses = ["unverified", "pending", "verified", "failed"] as const;
export const syncStatuses = ["synced", "pending", "out_of_sync", "error"] as const;
export const processes = ["washed", "natural", "honey", "anaerobic", "wet_hulled"] as const;
export const qualityGrades = ["specialty", "premium", "exchange", "below_standard"] as const;
/** Fraud risk by score: low below 25, medium below 50, high below 75, critical from 75. */
export const riskLevels = ["low", "medium", "high", "critical"] as const;

export const roles = ["admin", "operator", "verifier", "viewer"] as const;
/** The operating company (staff), producers (cooperative, exporter) and buyers (importer, roaster). */
export const organisationKinds = ["operator", "cooperative", "exporter", "importer", "roaster"] as const;
export const tokenPurposes = ["invitation", "password_reset", "first_admin"] as const;
export const actorKinds = ["user", "wallet", "api_key", "system", "oracle"] as const;
export const alertSeverities = ["low", "medium", "high", "critical"] as const;
export const checkTypes = ["verify_batch", "quality_check", "expiry_check"] as const;
export const syncTriggers = ["schedule", "manual", "cron", "batch"] as const;
export const systemStates = ["ok", "degraded", "down", "not_configured"] as const;
export const auditAnchorStatuses = ["sending", "confirmed", "failed"] as const;
export const eventStatuses = ["pending", "processed", "failed", "reorged"] as const;
export const importActions = ["created", "refreshed", "failed"] as const;
export const apiKeyRoles = ["operator", "verifier", "viewer"] as const;
export const signInMethods = ["password", "siwe"] as const;
export const verificationRequestStatuses = ["pending", "approved", "rejected"] as const;
export const qualityFileKinds = ["photo", "certificate"] as const;
export const alertStatuses = ["open", "resolved"] as const;
export const chainlinkRequestStates = ["sent", "fulfilled", "failed"] as const;
export const chainlinkCallOutcomes = ["answered", "refused"] as const;
export const syncRunStatuses = ["queued", "running", "paused", "succeeded", "failed"] as const;
/** A full sync in one of these is still going: at most one at a time (sync_history_one_active). */
export const activeSyncRunStatuses = someOf(syncRunStatuses, ["queued", "running", "paused"]);
export const syncResultActions = ["updated", "imported", "flagged", "failed"] as const;
export const transactionStatuses = ["pending", "mined", "reverted", "replaced", "dropped"] as const;
export const adjustmentReasons = ["count_correction", "damage", "loss", "sample", "moisture_loss"] as const;
/** The organisations that buy: orders are theirs, and what their wallets hold is no longer for sale. */
export const buyerKinds = someOf(organisationKinds, ["importer", "roaster"]);
export const reservationStatuses = ["active", "shipping", "shipped", "released", "expired"] as const;
/** A reservation in one of these counts against what is available (`shipping`: in transit). */
export const heldReservationStatuses = someOf(reservationStatuses, ["active", "shipping"]);
export const shipmentMethods = ["transfer", "redeem"] as const;
export const shipmentStatuses = ["queued", "sent", "indexed", "failed"] as const;
/** What the shipping wallet sends: an order's shipment, a return's intake, returned coffee's disposal. */
export const shipmentPurposes = ["order", "intake", "disposal"] as const;
/** What becomes of returned coffee; also the order the recommendation breaks ties in. */
export const dispositions = ["resell", "downgrade", "blend", "return_to_producer", "destroy"] as const;
export const settlements = ["refund", "replacement", "none"] as const;
export const settingKeys = ["webhooks_allow_private", "eudr_submission"] as const;
export const endpointStatuses = ["active", "paused", "disabled"] as const;
export const deliveryStatuses = ["pending", "succeeded", "failed", "cancelled"] as const;
export const emailStates = ["none", "pending", "sent", "failed"] as const;
export const monitorMetrics = ["rpc_probe", "sync_drift"] as const;
export const recommendationKinds = ["reverify_batch", "sell_before_expiry", "pause_webhook", "run_sync"] as const;
export const recommendationStatuses = ["open", "accepted", "dismissed", "obsolete"] as const;

// due diligence
/** The EU's country benchmark under the Deforestation Regulation (lib/eudr/benchmarks.ts). */
export const eudrBenchmarks = ["low", "standard", "high"] as const;
/** What a plot was used for since 2020-12-31, as its producer declares. */
export const landUses = ["coffee_before_2021", "other_crop_before_2021", "converted_after_2020", "forest"] as const;
/** A due diligence statement's activity in the EU information system. */
export const statementActivities = ["import", "export", "domestic"] as const;
export const statementStatuses = ["draft", "filed"] as const;
/** The risk conclusion: negligible, or not (and then the goods may not be placed). */
export const eudrRiskLevels = ["negligible", "not_negligible"] as const;

// The longer lists, one value a line.
export const alertTypes = [
  "quantity_discrepancy",
  "fraud_risk",
  "expiring_soon",
  "expired",
  "quality_below_standard",
  "metadata_mismatch",
  "sync_error",
  "cloned_label",
  "price_outlier",
  "expiring_unreserved",
] as const;
export const transactionKinds = [
  "mint",
  "mark_verified",
  "chainlink_check",
  "adjust_inventory",
  "stock_move",
  "stock_adjust",
  "stock_transfer",
] as const;
export const systemAlertTypes = [
  "audit_chain_broken",
  "anchoring_overdue",
  "listener_lag",
  "rpc_error_rate",
  "job_queue_backlog",
  "sync_drift_growing",
  "counts_disagree",
  "warehouse_over_capacity",
  "webhook_failing",
  "webhook_disabled",
] as const;
export const movementTypes = [
  "minted",
  "transferred",
  "moved",
  "adjusted",
  "redeemed",
  "reserved",
  "released",
  "shipped",
  "returned",
] as const;
export const orderStatuses = [
  "draft",
  "confirmed",
  "reserved",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
] as const;
/** Why a buyer sent green coffee back (issue 19). */
export const returnReasons = [
  "quality_below_contract",
  "moisture",
  "transit_damage",
  "wrong_lot",
  "contamination",
] as const;
export const returnStatuses = [
  "requested",
  "receiving",
  "received",
  "inspected",
  "deciding",
  "closed",
  "rejected",
] as const;
/** What webhooks and notifications carry (issue 20); the audit actions they follow are mapped in lib/outbox. */
export const webhookEventTypes = [
  "batch.created",
  "batch.minted",
  "batch.verified",
  "batch.expired",
  "batch.redeemed",
  "alert.raised",
  "alert.resolved",
  "sync.failed",
  "order.created",
  "order.confirmed",
  "order.reserved",
  "order.shipping",
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "order.refunded",
  "order.shipment_failed",
  "return.requested",
  "return.receiving",
  "return.received",
  "return.inspected",
  "return.deciding",
  "return.closed",
  "return.rejected",
  "webhook.test",
] as const;
export const detectorNames = [
  "listener_lag",
  "rpc_error_rate",
  "job_queue_backlog",
  "sync_drift_growing",
  "expiring_unreserved",
  "price_outlier",
  "warehouse_over_capacity",
  "counts_disagree",
  "audit_chain_broken",
  "anchoring_overdue",
  "webhook_failing",
] as const;

// Parts of the longer lists.
/** Movements that book stock for an order and move none. */
export const bookingTypes = someOf(movementTypes, ["reserved", "released"]);
/** Returned coffee in the shipping wallet that is not for sale until its disposition is carried out. */
export const heldReturnStatuses = someOf(returnStatuses, ["received", "inspected", "deciding"]);
/** A return with its disposition decided: being carried out on chain, or done. */
export const decidedReturnStatuses = someOf(returnStatuses, ["deciding", "closed"]);
