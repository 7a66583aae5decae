// Everything the worker writes while it follows the chain, without bookkeeping (ids, times, the
// hashes that cover times), so a database that lived through crashes can be compared with a clean run.
import type pg from "pg";

import { verifyAuditChain } from "@/lib/audit/record";
import type { Db } from "@/lib/db";

import { mirror } from "./mirror";

const rows = async (pool: pg.Pool, sql: string) => (await pool.query(sql)).rows;

export async function workerState(db: Db, pool: pg.Pool) {
  return {
    ...(await mirror(db)),
    listener: await rows(
      pool,
      "select id, chain_id, contract_address, last_block::text, is_active, head_block::text, block_range, last_error from listener_state order by id",
    ),
    blocks: await rows(
      pool,
      "select listener_id, block_number::text, block_hash from listener_blocks order by listener_id, block_number",
    ),
    // Records name a batch by its token (its row id is bookkeeping). Other jobs (the expiry check) interleave their records with the indexer's at times a crash moves,
    // so records are compared as a set; the chain of hashes is checked on its own (auditChain).
    audit: await rows(
      pool,
      "select a.entity, b.token_id::text, a.action, a.actor_kind, a.actor_id, a.before, a.after, a.tx_hash, a.note from audit_records a left join batches b on b.id = a.batch_id order by 1, 2, 3, 4, 5, 6, 7, 8, 9",
    ),
    alerts: await rows(
      pool,
      "select b.token_id::text, a.type, a.severity, a.status, a.source, a.message, a.details from batch_alerts a join batches b on b.id = a.batch_id order by 1, 2, 3, 4, 5, 6, 7",
    ),
    // The stock ledger: each movement named by its chain event (its row ids and the time it was indexed are bookkeeping), and what each holder holds, in all and per warehouse.
    movements: await rows(
      pool,
      "select m.chain_id, m.token_id::text, m.type, m.quantity::text, m.from_holder, m.to_holder, m.from_warehouse, m.to_warehouse, m.reason, m.note, m.actor, m.tx_hash, m.block_number::text, e.log_index, m.part from stock_movements m left join blockchain_events e on e.id = m.event_id order by m.block_number, e.log_index, m.part, m.type",
    ),
    holdings: await rows(pool, "select chain_id, token_id::text, holder, balance::text from holdings order by 1, 2, 3"),
    warehouseStock: await rows(
      pool,
      "select chain_id, token_id::text, holder, warehouse, balance::text from warehouse_stock order by 1, 2, 3, 4",
    ),
    imports: await rows(pool, "select chain_id, token_id::text, action, message from import_logs order by 1, 2, 3, 4"),
    // The dashboard's counters, folded or still waiting as deltas: their totals per key.
    counters: await rows(
      pool,
      "select dimension, value, sum(n)::text as n, sum(kg)::text as kg, sum(usd)::text as usd from (select dimension, value, n, kg, usd from counts union all select dimension, value, n, kg, usd from count_deltas) c group by 1, 2 having sum(n) <> 0 or sum(kg) <> 0 or sum(usd) <> 0 order by 1, 2",
    ),
  };
}

/** The audit log's hash chain: every record links to the one before it and hashes to what it says. */
export const auditChain = (db: Db) => verifyAuditChain(db);
