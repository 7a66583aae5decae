// A return's flow: requested → receiving (the shipping wallet takes the tokens back from the buyer's
// wallet) → received (the indexer saw it: a `returned` movement at the receiving warehouse) →
// inspected (an SCA quality check and a recommendation) → closed (a disposition that keeps the
// stock), or deciding → closed (one sent on chain: back to the producer, or destroyed by
// redemption). A request may be rejected before it is received. Each step is audited.
import "server-only";

import { and, eq, sql } from "drizzle-orm";
import type { Address } from "viem";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, statusChange, type Actor } from "@/lib/audit/record";
import { batchTokenAbi } from "@/lib/chain/abi";
import type { ChainHandle } from "@/lib/chain/server";
import { gramsToKg } from "@/lib/chain/units";
import type { Tx } from "@/lib/db";
import type { returnStatuses } from "@/lib/db/enums";
import { batches, orderLines, orders, returns, shipments } from "@/lib/db/schema";
import { humanize } from "@/lib/format";
import { gradeQuality } from "@/lib/quality/grade";
import { assertRoom, findWarehouse } from "@/lib/stock/prepare";

import { recentPrices } from "./prices";
import { recommendDisposition, type Recommendation } from "./recommend";
import type { Decision, Inspection } from "./schemas";

type Return = typeof returns.$inferSelect;
type Status = (typeof returnStatuses)[number];
export type ReturnDeps = { chain: ChainHandle; shipper: Address | null };

function expect(ret: Return, from: Status, doing: string) {
  if (ret.status !== from)
    throw new ApiError("conflict", `Return ${ret.id} is ${ret.status}: it can be ${doing} only when ${from}.`, {
      status: ret.status,
      allowed_from: [from],
    });
}

async function setStatus(
  tx: Tx,
  ret: Return,
  to: Status,
  changes: Partial<Return>,
  audit: { actor: Actor; action: string; after?: object; note?: string },
) {
  await tx
    .update(returns)
    .set({ ...changes, status: to, updatedAt: new Date() })
    .where(eq(returns.id, ret.id));
  await recordAudit(tx, {
    entity: "return",
    entityId: ret.id,
    batchId: ret.batchId,
    action: audit.action,
    actor: audit.actor,
    ...statusChange(ret.status, to, audit.after),
    note: audit.note,
  });
}

const grams = (ret: Return) => BigInt(ret.quantity);

async function tokenOf(tx: Tx, batchId: number) {
  const [b] = await tx
    .select({
      chainId: batches.chainId,
      tokenId: batches.tokenId,
      owner: batches.ownerAddress,
      code: batches.batchCode,
    })
    .from(batches)
    .where(eq(batches.id, batchId));
  return { ...b, tokenId: b.tokenId! };
}

/** What a holder holds of a token, less what the shipping wallet is already sending from it. */
async function heldBy(tx: Tx, chainId: number, tokenId: string, holder: string): Promise<bigint> {
  const { rows } = await tx.execute<{ free: string }>(sql`
    select (coalesce((select balance from holdings where chain_id = ${chainId} and token_id = ${tokenId} and holder = ${holder}), 0)
      - shipping_from(${chainId}, ${tokenId}, ${holder}))::text as free`);
  return BigInt(rows[0].free);
}

function needShipper(shipper: Address | null): string {
  if (!shipper)
    throw new ApiError(
      "unavailable",
      "Returns cannot move on chain: no shipping wallet is configured (SHIPPER_PRIVATE_KEY).",
    );
  return shipper.toLowerCase();
}

/** Takes the returned tokens back from the wallet they were delivered to, into the shipping wallet, at `warehouse`. */
export async function receive(tx: Tx, ret: Return, code: string, actor: Actor, deps: ReturnDeps) {
  expect(ret, "requested", "received");
  const shipper = needShipper(deps.shipper);
  const w = await findWarehouse(tx, code, true);
  await assertRoom(tx, w, grams(ret));
  const [delivery] = await tx
    .select({ to: shipments.toHolder })
    .from(shipments)
    .where(
      and(eq(shipments.orderLineId, ret.orderLineId), eq(shipments.purpose, "order"), eq(shipments.status, "indexed")),
    );
  const from = delivery.to!;
  const t = await tokenOf(tx, ret.batchId);
  const held = await heldBy(tx, t.chainId, t.tokenId, from);
  if (held < grams(ret))
    throw new ApiError(
      "rule_broken",
      `The buyer's wallet ${from} holds ${gramsToKg(held)} kg of batch ${t.code} not already on its way, less than the ${gramsToKg(grams(ret))} kg to take back.`,
    );
  const approved = await deps.chain.client.readContract({
    address: deps.chain.address,
    abi: batchTokenAbi,
    functionName: "isApprovedForAll",
    args: [from as Address, shipper as Address],
  });
  if (!approved)
    throw new ApiError(
      "rule_broken",
      `The buyer's wallet ${from} has not approved the shipping wallet ${shipper} (setApprovalForAll), so it cannot take the tokens back; the buyer approves it once, or sends them itself.`,
    );
  await tx.insert(shipments).values({
    purpose: "intake",
    returnId: ret.id,
    orderLineId: ret.orderLineId,
    chainId: t.chainId,
    tokenId: t.tokenId,
    quantity: ret.quantity,
    method: "transfer",
    fromHolder: from,
    toHolder: shipper,
  });
  await setStatus(
    tx,
    ret,
    "receiving",
    { warehouse: w.code },
    { actor, action: "return.receiving", after: { warehouse: w.code } },
  );
}

/** What the recommendation weighs besides the inspection: the batch, what it sold for and when it arrived. */
const saleColumns = {
  origin: batches.originCountry,
  expiry: batches.expiryDate,
  price: orderLines.pricePerKg,
  deliveredAt: orders.deliveredAt,
  currency: orders.currency,
};

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 86_400_000);

/** Grades the returned coffee and recommends what to do with it. */
export async function inspect(tx: Tx, ret: Return, input: Inspection, actor: Actor) {
  expect(ret, "received", "inspected");
  const { contaminated, ...check } = input;
  const result = gradeQuality(check);
  const [facts] = await tx
    .select(saleColumns)
    .from(returns)
    .innerJoin(batches, eq(batches.id, returns.batchId))
    .innerJoin(orderLines, eq(orderLines.id, returns.orderLineId))
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.id, ret.id));
  const now = new Date();
  const recommendation = recommendDisposition({
    grams: ret.quantity,
    reason: ret.reason,
    // A batch sold without a grade has no contract grade to fall short of.
    contract_grade: ret.contractGrade ?? result.grade,
    inspection: {
      grade: result.grade,
      cupping_score: check.cupping_score,
      moisture_pct: check.moisture_pct,
      full_defects: result.full_defects,
      contaminated,
    },
    original_price_per_kg: facts.price,
    prices: await recentPrices(tx, facts.origin, facts.currency),
    days_since_delivery: daysBetween(facts.deliveredAt ?? now, now),
    days_to_expiry: daysBetween(now, new Date(`${facts.expiry}T23:59:59Z`)),
  });
  await setStatus(
    tx,
    ret,
    "inspected",
    {
      inspection: input,
      grade: result.grade,
      gradeReasons: result.reasons,
      contaminated,
      recommendation,
      inspectedAt: now,
    },
    { actor, action: "return.inspected", after: { grade: result.grade, recommended: recommendation.option } },
  );
}

/** A refund of the returned kilograms at the line's price, to the cent. */
async function refundOf(tx: Tx, ret: Return): Promise<{ refund: string; currency: string }> {
  const { rows } = await tx.execute<{ refund: string; currency: string }>(sql`
    select line_amount(${ret.quantity}, l.price_per_kg)::text as refund, o.currency
    from order_lines l join orders o on o.id = l.order_id where l.id = ${ret.orderLineId}`);
  return rows[0];
}

/** Accepts or overrides the recommendation; carries the decision out (ledger, chain) and records the buyer's settlement on the order. */
export async function decide(
  tx: Tx,
  ret: Return,
  d: Decision,
  by: { actor: Actor; userId: number | null },
  deps: ReturnDeps,
) {
  expect(ret, "inspected", "decided");
  const recommendation = ret.recommendation as Recommendation;
  const option = recommendation.options.find((o) => o.option === d.disposition)!;
  if (!option.feasible)
    throw new ApiError(
      "rule_broken",
      `disposition: ${humanize(d.disposition)} is not possible for this coffee. ${option.sentence}`,
      [{ path: "disposition", message: "not possible for this coffee" }],
    );
  const overridden = d.disposition !== recommendation.option;
  if (overridden && !d.note)
    throw new ApiError(
      "rule_broken",
      `note: say why you decide ${humanize(d.disposition)} over the recommended ${humanize(recommendation.option)}.`,
      [{ path: "note", message: "required when overriding the recommendation" }],
    );
  const onChain = d.disposition === "return_to_producer" || d.disposition === "destroy";
  if (onChain) {
    const shipper = needShipper(deps.shipper);
    const t = await tokenOf(tx, ret.batchId);
    const held = await heldBy(tx, t.chainId, t.tokenId, shipper);
    if (held < grams(ret))
      throw new ApiError(
        "rule_broken",
        `The shipping wallet holds ${gramsToKg(held)} kg of batch ${t.code}, less than the ${gramsToKg(grams(ret))} kg returned.`,
      );
    if (d.disposition === "return_to_producer" && !t.owner)
      throw new ApiError("rule_broken", `Batch ${t.code} has no producer wallet on record to send it back to.`);
    await tx.insert(shipments).values({
      purpose: "disposal",
      returnId: ret.id,
      orderLineId: ret.orderLineId,
      chainId: t.chainId,
      tokenId: t.tokenId,
      quantity: ret.quantity,
      method: d.disposition === "destroy" ? "redeem" : "transfer",
      fromHolder: shipper,
      toHolder: d.disposition === "destroy" ? null : t.owner!.toLowerCase(),
    });
  }
  const { refund, currency } = await refundOf(tx, ret);
  const at = new Date();
  await setStatus(
    tx,
    ret,
    onChain ? "deciding" : "closed",
    {
      disposition: d.disposition,
      overridden,
      decisionNote: d.note ?? null,
      recoveryValue: option.recovery_value,
      settlement: d.settlement,
      refund: d.settlement === "refund" ? refund : null,
      decidedAt: at,
      decidedBy: by.userId,
      ...(!onChain && { closedAt: at }),
    },
    {
      actor: by.actor,
      action: overridden ? "return.overridden" : "return.accepted",
      after: { disposition: d.disposition, recommended: recommendation.option, recovery_value: option.recovery_value },
      note: d.note,
    },
  );
  if (d.settlement !== "none")
    await recordAudit(tx, {
      entity: "order",
      entityId: ret.orderId,
      action: `order.return_${d.settlement === "refund" ? "refunded" : "replaced"}`,
      actor: by.actor,
      after: {
        return_id: ret.id,
        quantity_kg: gramsToKg(grams(ret)),
        ...(d.settlement === "refund" && { refund, currency }),
      },
    });
}

export async function reject(tx: Tx, ret: Return, note: string, actor: Actor) {
  expect(ret, "requested", "rejected");
  await setStatus(tx, ret, "rejected", {}, { actor, action: "return.rejected", note });
}
