// The recent-activity feed: audit records, chain events, alerts, verification requests and sync
// runs, newest first, merged. Each source is read newest first through its (created_at, id) index
// and stops after a page, so a page costs the same at a million rows as at a hundred.
import "server-only";

import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import { ApiError } from "@/lib/api/errors";
import type { Scope } from "@/lib/auth/scope";
import { batchesInScope, batchIdsInScope } from "@/lib/batches/scope";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

import { activityKinds, type ActivityKind, type RecentActivityQuery } from "./schemas";

export type Activity = {
  id: string;
  kind: ActivityKind;
  at: string;
  title: string;
  detail: string | null;
  batch_id: number | null;
  /** The batch's code, as people know it. */
  batch_code: string | null;
  status: string | null;
  severity: string | null;
  actor: string | null;
  tx_hash: string | null;
};

const isoMicros = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const ZCursor = z.tuple([
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  z
    .number()
    .int()
    .min(0)
    .max(activityKinds.length - 1),
  z.number().int().positive(),
]);
type Cursor = z.infer<typeof ZCursor>;

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(raw: string): Cursor {
  try {
    return ZCursor.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new ApiError("validation_error", "cursor: is not a cursor this API issued", [
      { path: "cursor", message: "is not a cursor this API issued" },
    ]);
  }
}

// Each source: its table, the columns every activity has, and what else it tells.
const sources: Record<ActivityKind, { table: string; where?: string; data: string; batch: string }> = {
  // Records that repeat another source (an applied chain event, a raised alert, a requested
  // verification) stay out; the partial index audit_records_feed_idx has the same condition.
  audit: {
    table: "audit_records",
    where: "action not like 'chain.%' and action not in ('alert.raised', 'verification.requested')",
    data: "jsonb_build_object('action', action, 'entity', entity, 'entity_id', entity_id, 'actor', actor_kind || coalesce(':' || actor_id, ''), 'note', note, 'tx_hash', tx_hash)",
    batch: "batch_id",
  },
  event: {
    table: "blockchain_events",
    data: "jsonb_build_object('name', name, 'status', status, 'block', block_number::text, 'tx_hash', tx_hash, 'token_id', token_id::text, 'chain_id', chain_id, 'error', error)",
    batch: "null::bigint",
  },
  alert: {
    table: "batch_alerts",
    data: "jsonb_build_object('type', type, 'severity', severity, 'status', status, 'message', message)",
    batch: "batch_id",
  },
  verification: {
    table: "verification_requests",
    data: "jsonb_build_object('status', status, 'actual_quantity_kg', actual_quantity_kg::text, 'reason', decision_reason)",
    batch: "batch_id",
  },
  sync: {
    table: "sync_history",
    data: "jsonb_build_object('status', status, 'trigger', trigger, 'checked', checked, 'updated', updated, 'flagged', flagged, 'failed', failed, 'error', error)",
    batch: "batch_id",
  },
};

/** Rows of one source older than the cursor in the feed's order (created_at, kind, id), newest first. */
function sourceQuery(kind: ActivityKind, limit: number, cursor: Cursor | null, scope: Scope): SQL {
  const s = sources[kind];
  const rank = activityKinds.indexOf(kind);
  const conditions: SQL[] = s.where ? [sql.raw(s.where)] : [];
  // Outside the operating company, only what concerns the organisation's batches (chain events by their token).
  if (scope.kind !== "all") {
    conditions.push(
      kind === "event"
        ? sql`(chain_id, token_id) in (select ${batches.chainId}, ${batches.tokenId} from ${batches} where ${batchesInScope(scope)})`
        : sql`batch_id in ${batchIdsInScope(scope)}`,
    );
  }
  if (cursor) {
    const [at, cursorRank, id] = cursor;
    if (rank < cursorRank) conditions.push(sql`created_at <= ${at}::timestamptz`);
    else if (rank > cursorRank) conditions.push(sql`created_at < ${at}::timestamptz`);
    else conditions.push(sql`(created_at, id) < (${at}::timestamptz, ${id}::bigint)`);
  }
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return sql`(select ${rank}::int as rank, id, created_at, ${sql.raw(s.batch)} as batch_id, ${sql.raw(s.data)} as data
    from ${sql.raw(s.table)} ${where} order by created_at desc, id desc limit ${limit})`;
}

type Row = {
  rank: number;
  id: string;
  at: string;
  batch_id: string | null;
  data: Record<string, string | number | null>;
};

const humanize = (s: string) => s.replace(/[._]/g, " ").replace(/^\w/, (c) => c.toUpperCase());

function toActivity(r: Row): Activity {
  const kind = activityKinds[r.rank];
  const d = r.data;
  const base = {
    id: `${kind}:${r.id}`,
    kind,
    at: r.at,
    batch_id: r.batch_id === null ? null : Number(r.batch_id),
    batch_code: null,
    status: null,
    severity: null,
    actor: null,
    tx_hash: null,
  };
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  switch (kind) {
    case "audit":
      // The batch (shown by its code) says what it was about; a record of no batch names its kind.
      return {
        ...base,
        title: humanize(String(d.action)),
        detail: str(d.note) ?? (r.batch_id === null ? humanize(String(d.entity)) : null),
        actor: str(d.actor),
        tx_hash: str(d.tx_hash),
      };
    case "event":
      return {
        ...base,
        title: `${d.name} in block ${d.block}`,
        detail: d.error ? `Failed: ${d.error}` : d.token_id ? `Token ${d.token_id}` : null,
        status: str(d.status),
        tx_hash: str(d.tx_hash),
      };
    case "alert":
      return {
        ...base,
        title: `${humanize(String(d.type))} alert`,
        detail: str(d.message),
        status: str(d.status),
        severity: str(d.severity),
      };
    case "verification":
      return {
        ...base,
        title: `Verification request ${d.status}`,
        detail: str(d.reason) ?? (d.actual_quantity_kg ? `Counted ${d.actual_quantity_kg} kg` : "Waiting for a count"),
        status: str(d.status),
      };
    case "sync":
      return {
        ...base,
        title: `${r.batch_id ? "Batch" : "Full"} sync ${d.status}`,
        detail: `${d.trigger}: ${d.checked} checked, ${d.updated} updated, ${d.flagged} flagged, ${d.failed} failed${d.error ? ` (${d.error})` : ""}`,
        status: str(d.status),
      };
  }
}

/** The feed of what concerns the batches in `scope`. */
export async function listRecentActivities(
  db: Db,
  q: RecentActivityQuery,
  scope: Scope,
): Promise<{ data: Activity[]; next_cursor: string | null }> {
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const kinds = q.kind ?? activityKinds;
  const parts = kinds.map((k) => sourceQuery(k, q.limit + 1, cursor, scope));
  const { rows } = await db.execute<Row>(sql`
    select rank, id::text, to_char(created_at at time zone 'UTC', ${sql.raw(isoMicros)}) as at, batch_id::text, data
    from (${sql.join(parts, sql` union all `)}) feed
    order by created_at desc, rank desc, id desc limit ${q.limit + 1}`);
  // Chain events name a token; the batch it belongs to is looked up for the page's rows only.
  const page = rows.slice(0, q.limit).map(toActivity);
  await linkEventsToBatches(db, page, rows);
  await nameBatchesAndActors(db, page);
  const last = rows.length > q.limit ? rows[q.limit - 1] : null;
  return { data: page, next_cursor: last ? encodeCursor([last.at, last.rank, Number(last.id)]) : null };
}

async function linkEventsToBatches(db: Db, page: Activity[], rows: Row[]) {
  const wanted = rows
    .slice(0, page.length)
    .flatMap((r, i) =>
      activityKinds[r.rank] === "event" && r.data.token_id !== null
        ? [{ i, chainId: Number(r.data.chain_id), tokenId: String(r.data.token_id) }]
        : [],
    );
  if (!wanted.length) return;
  const pairs = JSON.stringify(wanted.map((w) => [w.chainId, w.tokenId]));
  const { rows: found } = await db.execute<{ chain_id: number; token_id: string; id: string }>(sql`
    select b.chain_id, b.token_id::text, b.id::text from batches b
    join (select (p->>0)::int as chain_id, (p->>1)::numeric as token_id from jsonb_array_elements(${pairs}::jsonb) p) w
      on b.chain_id = w.chain_id and b.token_id = w.token_id`);
  const ids = new Map(found.map((f) => [`${f.chain_id}:${f.token_id}`, Number(f.id)]));
  for (const w of wanted) page[w.i].batch_id = ids.get(`${w.chainId}:${w.tokenId}`) ?? null;
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const systemNames: Record<string, string> = {
  indexer: "the chain indexer",
  worker: "the worker",
  chainlink: "Chainlink",
  sync: "the sync job",
};

/** Codes for batch ids and names for actors ("user:3" is a person's name, "wallet:0x…" a short address). */
async function nameBatchesAndActors(db: Db, page: Activity[]) {
  const batchIds = [...new Set(page.flatMap((a) => (a.batch_id === null ? [] : [a.batch_id])))];
  const idsOf = (prefix: string) =>
    [
      ...new Set(page.flatMap((a) => (a.actor?.startsWith(prefix) ? [Number(a.actor.slice(prefix.length))] : []))),
    ].filter(Number.isInteger);
  const [userIds, keyIds] = [idsOf("user:"), idsOf("api_key:")];
  const [codes, names, keys] = await Promise.all([
    batchIds.length
      ? db.execute<{ id: string; code: string }>(
          sql`select id::text, batch_code as code from batches where id in (select jsonb_array_elements_text(${JSON.stringify(batchIds)}::jsonb)::bigint)`,
        )
      : { rows: [] },
    userIds.length
      ? db.execute<{ id: string; name: string }>(
          sql`select id::text, coalesce(nullif(name, ''), email) as name from users where id in (select jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)::bigint)`,
        )
      : { rows: [] },
    keyIds.length
      ? db.execute<{ id: string; name: string }>(
          sql`select id::text, name from api_keys where id in (select jsonb_array_elements_text(${JSON.stringify(keyIds)}::jsonb)::bigint)`,
        )
      : { rows: [] },
  ]);
  const codeOf = new Map(codes.rows.map((r) => [Number(r.id), r.code]));
  const nameOf = new Map<string, string>([
    ...names.rows.map((r) => [`user:${r.id}`, r.name] as const),
    ...keys.rows.map((r) => [`api_key:${r.id}`, `API key “${r.name}”`] as const),
  ]);
  for (const a of page) {
    if (a.batch_id !== null) a.batch_code = codeOf.get(a.batch_id) ?? null;
    if (!a.actor) continue;
    const [kind, id = ""] = a.actor.split(/:(.*)/s);
    a.actor =
      kind === "user"
        ? (nameOf.get(a.actor) ?? "a deleted user")
        : kind === "wallet"
          ? `wallet ${short(id)}`
          : kind === "api_key"
            ? (nameOf.get(a.actor) ?? "an API key")
            : kind === "oracle"
              ? "the Chainlink oracle"
              : (systemNames[id] ?? (id || kind));
  }
}
