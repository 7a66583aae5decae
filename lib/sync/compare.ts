// One batch's row against what the contract holds. The chain owns its facts (quantity, dates,
// price, metadata hash and URI, verified flag, status): a difference is a missed or overwritten
// change, and the row takes the chain's value. The off-chain record the chain commits to (the
// quantity in kg, the metadata fields) is never overwritten when it is the record that moved:
// the chain contradicts it, and an alert says so.
import { differingColumns, metadataColumns, sameValue, statusFromChain } from "@/lib/batches/from-chain";
import { decodeMetadata } from "@/lib/batches/metadata";
import { centsToUsd, gramsToKg, unixToDate } from "@/lib/chain/units";
import type { batches } from "@/lib/db/schema";

import type { ChainBatch } from "./read";

type Row = typeof batches.$inferSelect;

export type Difference = { field: string; offchain: string | null; onchain: string | null };
export type Contradiction = Difference & { type: "quantity_discrepancy" | "metadata_mismatch"; message: string };
export type Comparison = { set: Partial<Row>; updated: Difference[]; contradicted: Contradiction[] };

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function compareBatch(row: Row, chain: ChainBatch): Comparison {
  const set: Partial<Row> = {};
  const updated: Difference[] = [];
  const contradicted: Contradiction[] = [];
  const own = <K extends keyof Row>(field: K, column: string, value: Row[K]) => {
    if (sameValue(row[field], value)) return;
    set[field] = value;
    updated.push({ field: column, offchain: text(row[field]), onchain: text(value) });
  };

  // The kg figure follows the chain when it matched the chain's last known quantity (a missed
  // adjustment); when it alone moved, the chain contradicts it.
  const chainKg = gramsToKg(chain.quantity);
  const knownKg = row.onchainQuantity === null ? null : gramsToKg(BigInt(row.onchainQuantity));
  if (!sameValue(row.quantityKg, chainKg)) {
    if (sameValue(row.quantityKg, knownKg)) own("quantityKg", "quantity_kg", chainKg);
    else
      contradicted.push({
        type: "quantity_discrepancy",
        field: "quantity_kg",
        offchain: row.quantityKg,
        onchain: chainKg,
        message: `The off-chain record says ${row.quantityKg} kg; the chain says ${chainKg} kg.`,
      });
  }
  own("onchainQuantity", "onchain_quantity", chain.quantity.toString());
  own("pricePerKg", "price_per_kg", centsToUsd(chain.pricePerKg));
  own("productionDate", "production_date", unixToDate(chain.productionDate));
  own("expiryDate", "expiry_date", unixToDate(chain.expiryDate));

  // A new metadata hash is a missed update: the fields follow the document it commits to. The same
  // hash with other fields: the record was changed behind the chain's back.
  const hashMoved = !sameValue(row.metadataHash?.toLowerCase(), chain.metadataHash.toLowerCase());
  own("metadataHash", "metadata_hash", chain.metadataHash);
  own("metadataUri", "metadata_uri", chain.metadataUri);
  const committed = metadataColumns(decodeMetadata(chain.metadataUri, chain.metadataHash));
  const differ = differingColumns(committed, row);
  if (hashMoved) for (const k of differ) own(k as keyof Row, k, committed[k as keyof typeof committed] as never);
  else if (differ.length) {
    contradicted.push({
      type: "metadata_mismatch",
      field: differ.join(","),
      offchain: differ.map((k) => text(row[k as keyof Row])).join(","),
      onchain: differ.map((k) => text(committed[k as keyof typeof committed])).join(","),
      message: `The off-chain record differs from the metadata the chain's hash commits to in: ${differ.join(", ")}.`,
    });
  }

  // Status: the chain's, except a batch flagged off chain stays flagged while the chain calls it live.
  const status = statusFromChain[chain.status];
  if (!(row.status === "flagged" && (status === "active" || status === "verified"))) own("status", "status", status);
  if (chain.verified && row.verificationStatus !== "verified")
    own("verificationStatus", "verification_status", "verified");
  return { set, updated, contradicted };
}
