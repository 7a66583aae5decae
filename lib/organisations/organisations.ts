// Organisations and the wallets they hold, and the admin's approval of a pending wallet.
import "server-only";

import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor, type AuditEntry } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { type organisationKinds } from "@/lib/db/enums";
import { organisations, organisationWallets, users, wallets } from "@/lib/db/schema";

import type { Approval } from "./schemas";

type Kind = (typeof organisationKinds)[number];

/** A change an administrator made to a user: its organisation, its wallets, its approval. */
const userAudit = (userId: number, action: string, actor: Actor, change: Pick<AuditEntry, "before" | "after">) =>
  ({ entity: "user", entityId: userId, action, actor, ...change }) satisfies AuditEntry;

export async function listOrganisations(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      wallets: sql<
        string[]
      >`coalesce((select array_agg(address order by address) from ${organisationWallets} where ${organisationWallets.organisationId} = ${organisations.id}), '{}')`,
      members: sql<number>`(select count(*)::int from ${users} where ${users.organisationId} = ${organisations.id})`,
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export async function createOrganisation(db: Db, input: { name: string; kind: Kind }, actor: Actor) {
  return db.transaction(async (tx) => {
    if (input.kind === "operator")
      throw new ApiError(
        "rule_broken",
        "There is one operating company; create a cooperative, exporter, importer or roaster.",
      );
    const [row] = await tx.insert(organisations).values(input).onConflictDoNothing().returning();
    if (!row) throw new ApiError("conflict", `An organisation named "${input.name}" already exists.`);
    await recordAudit(tx, {
      entity: "organisation",
      entityId: row.id,
      action: "organisation.created",
      actor,
      after: { name: row.name, kind: row.kind },
    });
    return { id: row.id, name: row.name, kind: row.kind };
  });
}

/** Puts wallets in an organisation; a wallet another organisation already holds is a conflict. */
export async function addWallets(tx: Tx, organisationId: number, addresses: string[]) {
  if (!addresses.length) return;
  const taken = await tx
    .select()
    .from(organisationWallets)
    .where(
      and(inArray(organisationWallets.address, addresses), ne(organisationWallets.organisationId, organisationId)),
    );
  if (taken.length)
    throw new ApiError("conflict", `Wallet ${taken[0].address} belongs to organisation ${taken[0].organisationId}.`);
  await tx
    .insert(organisationWallets)
    .values(addresses.map((address) => ({ address, organisationId })))
    .onConflictDoNothing();
}

/** Lets a pending wallet in: as a member of an organisation with a role, or as a wallet of an existing user (the pending user goes). */
export async function approvePending(db: Db, userId: number, approval: Approval, actor: Actor) {
  return db.transaction(async (tx) => {
    const [pending] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!pending) throw new ApiError("not_found", `User ${userId} does not exist.`);
    if (!pending.isPending) throw new ApiError("conflict", `User ${userId} is not waiting for approval.`);
    const addresses = (
      await tx.select({ address: wallets.address }).from(wallets).where(eq(wallets.userId, userId))
    ).map((w) => w.address);

    if ("link_to_user_id" in approval) {
      const [target] = await tx.select().from(users).where(eq(users.id, approval.link_to_user_id));
      if (!target || target.isPending)
        throw new ApiError(
          "rule_broken",
          `User ${approval.link_to_user_id} is not an approved user to link the wallet to.`,
        );
      if (target.organisationId !== null) await addWallets(tx, target.organisationId, addresses);
      await tx.update(wallets).set({ userId: target.id }).where(eq(wallets.userId, userId));
      await tx.delete(users).where(eq(users.id, userId));
      await recordAudit(
        tx,
        userAudit(target.id, "user.wallet_linked", actor, {
          before: { pending_user_id: userId },
          after: { wallets: addresses },
        }),
      );
      return { id: target.id, wallets: addresses };
    }

    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, approval.organisation_id));
    if (!organisation) throw new ApiError("rule_broken", `Organisation ${approval.organisation_id} does not exist.`);
    // Producers and buyers read their own batches; what changes the inventory is the operating company's.
    if (organisation.kind !== "operator" && approval.role !== "viewer") {
      throw new ApiError(
        "rule_broken",
        `A member of a ${organisation.kind} is a viewer; ${approval.role} is a role of the operating company's staff.`,
      );
    }
    await addWallets(tx, organisation.id, addresses);
    await tx
      .update(users)
      .set({ isPending: false, organisationId: organisation.id, role: approval.role, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(
      tx,
      userAudit(userId, "user.approved", actor, {
        before: { is_pending: true },
        after: { organisation_id: organisation.id, role: approval.role, wallets: addresses },
      }),
    );
    return { id: userId, organisation_id: organisation.id, role: approval.role, wallets: addresses };
  });
}

/** Moves an approved user, with its wallets, to another organisation; a producer's or buyer's member is a viewer. */
export async function moveUser(db: Db | Tx, userId: number, organisationId: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new ApiError("not_found", `User ${userId} does not exist.`);
    if (user.isPending)
      throw new ApiError(
        "conflict",
        `User ${userId} is waiting for approval: approve it into an organisation instead.`,
      );
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) throw new ApiError("rule_broken", `Organisation ${organisationId} does not exist.`);
    if (organisation.kind !== "operator" && user.role !== "viewer") {
      throw new ApiError(
        "rule_broken",
        `A member of a ${organisation.kind} is a viewer; make ${user.name} a viewer first.`,
      );
    }
    const addresses = (
      await tx.select({ address: wallets.address }).from(wallets).where(eq(wallets.userId, userId))
    ).map((w) => w.address);
    // The user's wallets, and so the batches they hold, go with it.
    if (addresses.length) await tx.delete(organisationWallets).where(inArray(organisationWallets.address, addresses));
    await addWallets(tx, organisation.id, addresses);
    await tx.update(users).set({ organisationId: organisation.id, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(
      tx,
      userAudit(userId, "user.organisation_changed", actor, {
        before: { organisation_id: user.organisationId },
        after: { organisation_id: organisation.id, wallets: addresses },
      }),
    );
    return { id: userId, organisation_id: organisation.id };
  });
}
