// The audit log: every change, by whom, before and after, with the transaction when there is one.
// Append-only (the database refuses UPDATE, DELETE and TRUNCATE) and hash-chained: each record's
// hash covers its content and the previous record's hash, so an edit anywhere breaks the chain.
import { createHash } from "node:crypto";
import { asc, desc, sql } from "drizzle-orm";

import type { Db, Tx } from "@/lib/db";
import { type actorKinds } from "@/lib/db/enums";
import { jsonRows } from "@/lib/db/json-rows";
import { auditRecords } from "@/lib/db/schema";
import { toJson } from "@/lib/json";

import { recordContent } from "./content";

export type Actor = { kind: (typeof actorKinds)[number]; id?: string | null };

export type AuditEntry = {
  entity: string;
  entityId: string | number;
  batchId?: number | null;
  action: string;
  actor: Actor;
  before?: unknown;
  after?: unknown;
  txHash?: string | null;
  note?: string | null;
};

/** A change a user made to their own account (a password, two-factor sign-in, an accepted invitation). */
export const ownAccountAudit = (userId: number, action: string, after?: unknown): AuditEntry => ({
  entity: "user",
  entityId: userId,
  action,
  actor: { kind: "user", id: String(userId) },
  after,
});

/** A status moving `from` → `to` as a record's before and after; `more` adds to the after. */
export const statusChange = (from: string, to: string, more?: object) => ({
  before: { status: from },
  after: { status: to, ...more },
});

export const genesisHash = "0".repeat(64);

type Row = typeof auditRecords.$inferSelect;

/** The hash of a record: its content and the previous record's hash. */
export function hashRecord(r: Omit<Row, "id" | "hash">): string {
  return createHash("sha256").update(recordContent(r)).digest("hex");
}

/** Appends records in order, in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx | Db, ...entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('audit_records', 0))`);
  const [last] = await tx
    .select({ position: auditRecords.position, hash: auditRecords.hash })
    .from(auditRecords)
    .orderBy(desc(auditRecords.position))
    .limit(1);
  let position = last?.position ?? 0;
  let prevHash = last?.hash ?? genesisHash;
  const createdAt = new Date();
  const rows = entries.map((e) => {
    const row = {
      position: ++position,
      entity: e.entity,
      entityId: String(e.entityId),
      batchId: e.batchId ?? null,
      action: e.action,
      actorKind: e.actor.kind,
      actorId: e.actor.id ?? null,
      before: toJson(e.before),
      after: toJson(e.after),
      txHash: e.txHash ?? null,
      note: e.note ?? null,
      createdAt,
      prevHash,
    };
    prevHash = hashRecord(row);
    return { ...row, hash: prevHash };
  });
  await tx.execute(sql`insert into ${auditRecords} ${jsonRows(auditRecords, rows)}`);
}

/** Walks the whole chain; the first record whose hash or link does not hold is where it was broken. */
export async function verifyAuditChain(db: Db): Promise<{ records: number; brokenAt: number | null }> {
  let prevHash = genesisHash;
  let records = 0;
  for (let after = 0; ;) {
    const page = await db
      .select()
      .from(auditRecords)
      .where(sql`${auditRecords.position} > ${after}`)
      .orderBy(asc(auditRecords.position))
      .limit(5_000);
    if (!page.length) return { records, brokenAt: null };
    for (const r of page) {
      if (r.prevHash !== prevHash || r.position !== records + 1 || hashRecord(r) !== r.hash)
        return { records, brokenAt: r.position };
      prevHash = r.hash;
      records++;
    }
    after = page.at(-1)!.position;
  }
}
