// Direct reads of the e2e stack's database, for checking that a refused call changed nothing.
import pg from "pg";
import { stack } from "./stack";

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: `postgres://postgres:batchtrail@127.0.0.1:${stack.pgPort}/batchtrail` });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A fingerprint of everything a caller could change through the API. */
export async function fingerprint(): Promise<string> {
  const [row] = await query<{ f: string }>(`select md5(concat_ws('|',
    (select string_agg(concat_ws(',', id, role, is_active, is_pending, organisation_id, updated_at), ';' order by id) from users),
    (select string_agg(concat_ws(',', id, name, kind), ';' order by id) from organisations), (select string_agg(concat_ws(',', address, organisation_id), ';' order by address) from organisation_wallets),
    (select string_agg(concat_ws(',', address, user_id), ';' order by address) from wallets),
    (select string_agg(concat_ws(',', id, revoked_at), ';' order by id) from api_keys),
    (select string_agg(concat_ws(',', id, status, updated_at, last_synced_at), ';' order by id) from batches),
    (select count(*) from import_logs),
    (select count(*) from verification_requests), (select count(*) from quality_checks), (select count(*) from fraud_assessments),
    (select string_agg(concat_ws(',', id, status), ';' order by id) from batch_alerts), (select count(*) from audit_records),
    (select string_agg(concat_ws(',', id, is_active), ';' order by id) from listener_state),
    (select count(*) from siwe_nonces),
    (select string_agg(concat_ws(',', code, name, country, address, capacity_kg, is_active, updated_at), ';' order by code) from warehouses),
    (select count(*) from stock_movements), (select count(*) from blockchain_transactions),
    (select string_agg(concat_ws(',', id, expires_at, used_at), ';' order by id) from auth_tokens),
    (select string_agg(concat_ws(',', id, session_version, password_hash, totp_enabled_at, totp_last_step), ';' order by id) from users))) as f`);
  return row.f;
}
