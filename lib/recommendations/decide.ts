// A person decides a recommendation, with its row locked so two people cannot both decide it:
// accept performs the action (or names the page that does it) and keeps its result; dismiss keeps
// the reason. Each kind names who may accept or dismiss it; both are audited.
import { eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { actorOf } from "@/lib/audit/actor";
import { recordAudit, statusChange } from "@/lib/audit/record";
import type { Caller } from "@/lib/auth/caller";
import { admins, operators, staff, type Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { recommendations } from "@/lib/db/schema";
import { startSync } from "@/lib/sync/start";
import { requestVerification } from "@/lib/verification/requests";
import { pauseEndpoint } from "@/lib/webhooks/endpoints";

import type { RecommendationKind } from "./kinds";
import { toRecommendationJson, type RecommendationJson } from "./list";
import { ZReason } from "./schemas";

/** Who may decide each kind: as the action itself is allowed. */
export const decidedBy: Record<RecommendationKind, readonly Role[]> = {
  reverify_batch: staff,
  sell_before_expiry: operators,
  run_sync: operators,
  pause_webhook: admins,
};

export type DecideDeps = { enqueueSync: (syncId: number) => Promise<string | null> };
type Row = typeof recommendations.$inferSelect;

function mayDecide(row: Row, caller: Caller): { userId: number } {
  const who = decidedBy[row.kind];
  if (caller.kind !== "user" || !who.includes(caller.user.role))
    throw new ApiError(
      "forbidden",
      `Only ${who.map((r) => `${r}s`).join(", ")} signed in may decide a ${row.kind.replaceAll("_", " ")} recommendation.`,
    );
  return { userId: caller.user.id };
}

/** Locks the row and checks it is open and the caller may decide it; then `decide` runs with the lock held. */
async function decideLocked<T>(
  db: Db,
  id: number,
  caller: Caller,
  decide: (row: Row, userId: number) => Promise<{ set: Partial<Row>; action: string; note?: string; extra: T }>,
): Promise<{ recommendation: RecommendationJson; extra: T }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(recommendations).where(eq(recommendations.id, id)).for("update");
    if (!row) throw new ApiError("not_found", `There is no recommendation ${id}.`);
    if (row.status !== "open")
      throw new ApiError(
        "conflict",
        `Recommendation ${id} is ${row.status}${row.decidedAt ? ` since ${row.decidedAt.toISOString()}` : ""}; only an open one is decided.`,
        { status: row.status, decided_at: row.decidedAt?.toISOString() ?? null, decided_by: row.decidedBy },
      );
    const { userId } = mayDecide(row, caller);
    const { set, action, note, extra } = await decide(row, userId);
    const [decided] = await tx
      .update(recommendations)
      .set({ ...set, decidedBy: userId, decidedAt: new Date() })
      .where(eq(recommendations.id, id))
      .returning();
    await recordAudit(tx, {
      entity: "recommendation",
      entityId: id,
      batchId: row.batchId,
      action,
      actor: { kind: "user", id: String(userId) },
      ...statusChange("open", decided.status, { kind: row.kind, result: decided.result }),
      note,
    });
    return { recommendation: toRecommendationJson(decided), extra };
  });
}

/** Performs the recommended action; what it did, as kept on the row. */
async function perform(db: Db, row: Row, note: string | undefined, caller: Caller, deps: DecideDeps) {
  switch (row.kind) {
    case "reverify_batch": {
      const { request } = await requestVerification(
        db,
        row.batchId!,
        note ?? `Accepted recommendation #${row.id}: ${row.title}.`,
        caller,
      );
      return { verification_request_id: request.id };
    }
    case "run_sync": {
      const { sync } = await startSync(db, "manual", deps.enqueueSync);
      return { sync_id: sync.id };
    }
    case "pause_webhook": {
      const endpoint = await pauseEndpoint(db, row.endpointId!, actorOf(caller));
      return { endpoint_id: endpoint.id, status: endpoint.status };
    }
    case "sell_before_expiry":
      return { open: `/orders/new?batch_id=${row.batchId}` };
  }
}

export async function acceptRecommendation(
  db: Db,
  id: number,
  note: string | undefined,
  caller: Caller,
  deps: DecideDeps,
): Promise<{ recommendation: RecommendationJson; result: Record<string, unknown> }> {
  const { recommendation } = await decideLocked(db, id, caller, async (row) => {
    const result = await perform(db, row, note, caller, deps);
    return {
      set: { status: "accepted", result, decisionNote: note ?? null },
      action: "recommendation.accepted",
      note,
      extra: null,
    };
  });
  return { recommendation, result: recommendation.result ?? {} };
}

export async function dismissRecommendation(db: Db, id: number, reason: string, caller: Caller) {
  const parsed = ZReason.safeParse(reason);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is not a reason";
    throw new ApiError("validation_error", `reason: ${message}`, [{ path: "reason", message }]);
  }
  const { recommendation } = await decideLocked(db, id, caller, async () => ({
    set: { status: "dismissed", decisionNote: parsed.data },
    action: "recommendation.dismissed",
    note: parsed.data,
    extra: null,
  }));
  return recommendation;
}
