import { gramsToKg } from "@/lib/chain/units";
import type { batches } from "@/lib/db/schema";

import type { StockFigures } from "./stock";

type BatchRow = typeof batches.$inferSelect;

const kg = (grams: bigint | string | null | undefined) => (grams == null ? null : gramsToKg(BigInt(grams)));

/** The public, snake_case shape of a batch. Decimals stay strings so nothing is rounded. */
export function toBatchJson(b: BatchRow, stock?: StockFigures) {
  return {
    id: b.id,
    chain_id: b.chainId,
    token_id: b.tokenId,
    batch_code: b.batchCode,
    origin_country: b.originCountry,
    region: b.region,
    farm: b.farm,
    cooperative: b.cooperative,
    variety: b.variety,
    process: b.process,
    altitude_m: b.altitudeM,
    harvest_date: b.harvestDate,
    production_date: b.productionDate,
    expiry_date: b.expiryDate,
    quantity_kg: b.quantityKg,
    onchain_quantity: b.onchainQuantity,
    // Held on chain; of it, promised to orders (in transit included), and what is left for sale.
    on_hand_kg: kg(b.onHand),
    reserved_kg: kg(stock?.reserved),
    available_kg: kg(stock?.available),
    price_per_kg: b.pricePerKg,
    cupping_score: b.cuppingScore,
    moisture_pct: b.moisturePct,
    warehouse: b.warehouse,
    owner_address: b.ownerAddress,
    metadata_uri: b.metadataUri,
    metadata_hash: b.metadataHash,
    status: b.status,
    verification_status: b.verificationStatus,
    sync_status: b.syncStatus,
    quality_grade: b.qualityGrade,
    risk_score: b.riskScore,
    risk_level: b.riskLevel,
    last_synced_at: b.lastSyncedAt?.toISOString() ?? null,
    sync_error: b.syncError,
    mint_tx_hash: b.mintTxHash,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}

export type BatchJson = ReturnType<typeof toBatchJson>;
