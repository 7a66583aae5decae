// The local demo accounts, one per role, and the organisations that show who sees what. Only ever
// created in the embedded database.
import { and, eq, inArray, isNull } from "drizzle-orm";

import { buyerAccount, producerAccounts } from "@/lib/chain/dev-accounts";
import { type organisationKinds } from "@/lib/db/enums";

import type { Role } from "../../lib/auth/permissions";
import { createUser } from "../../lib/auth/users";
import type { Db } from "../../lib/db";
import { organisationAddresses, organisations, organisationWallets, users } from "../../lib/db/schema";

export const demoPassword = "batchtrail-demo";
export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@batchtrail.local", name: "Ada Admin", role: "admin" },
  { email: "operator@batchtrail.local", name: "Omar Operator", role: "operator" },
  { email: "verifier@batchtrail.local", name: "Vera Verifier", role: "verifier" },
  { email: "viewer@batchtrail.local", name: "Victor Viewer", role: "viewer" },
];

/** The four producer wallets that mint the demo batches (scripts/lib/accounts.ts), each in its own organisation. */
export const demoOrganisations: { name: string; kind: (typeof organisationKinds)[number]; wallet: string }[] = [
  { name: "Cooperativa Cafetalera del Sur", kind: "cooperative", wallet: producerAccounts[0].address },
  { name: "Sidama Growers Union", kind: "cooperative", wallet: producerAccounts[1].address },
  { name: "Highland Green Exporters", kind: "exporter", wallet: producerAccounts[2].address },
  { name: "Lake Kivu Coffee Export", kind: "exporter", wallet: producerAccounts[3].address },
];

/**
 * The demo buyers: a roaster whose orders arrive at its delivery wallet, with a member who signs in
 * to follow them, and an importer without a wallet, whose orders ship by redemption.
 */
export const demoBuyers = [
  {
    name: "Nordic Roasting Co.",
    kind: "roaster",
    wallet: buyerAccount.address,
    address: { label: "Roastery", lines: "Kaffegata 4, 0150 Oslo", country: "Norway" },
    member: { email: "buyer@batchtrail.local", name: "Bea Buyer" },
  },
  {
    name: "Hanseatic Coffee Importers",
    kind: "importer",
    wallet: null,
    address: { label: "Free port warehouse", lines: "Am Sandtorkai 1, 20457 Hamburg", country: "Germany" },
    member: null,
  },
] as const;

/** The demo staff in the operating company; the producer wallets in their organisations (no user until one signs in and an admin approves it). */
export async function ensureDemoUsers(db: Db) {
  for (const u of demoUsers) await createUser(db, { ...u, password: demoPassword });
  const [staff] = await db.select().from(organisations).where(eq(organisations.kind, "operator"));
  if (staff)
    await db
      .update(users)
      .set({ organisationId: staff.id })
      .where(
        and(
          isNull(users.organisationId),
          inArray(
            users.email,
            demoUsers.map((u) => u.email),
          ),
        ),
      );
  for (const o of demoOrganisations) {
    const [row] = await db
      .insert(organisations)
      .values({ name: o.name, kind: o.kind })
      .onConflictDoUpdate({ target: organisations.name, set: { kind: o.kind } })
      .returning();
    await db
      .insert(organisationWallets)
      .values({ address: o.wallet.toLowerCase(), organisationId: row.id })
      .onConflictDoNothing();
  }
  for (const b of demoBuyers) {
    const wallet = b.wallet?.toLowerCase() ?? null;
    const [row] = await db
      .insert(organisations)
      .values({ name: b.name, kind: b.kind })
      .onConflictDoUpdate({ target: organisations.name, set: { kind: b.kind } })
      .returning();
    if (wallet)
      await db.insert(organisationWallets).values({ address: wallet, organisationId: row.id }).onConflictDoNothing();
    await db.update(organisations).set({ deliveryWallet: wallet }).where(eq(organisations.id, row.id));
    await db
      .insert(organisationAddresses)
      .values({ organisationId: row.id, ...b.address })
      .onConflictDoNothing();
    if (b.member) {
      await createUser(db, { ...b.member, password: demoPassword, role: "operator" });
      await db.update(users).set({ organisationId: row.id }).where(eq(users.email, b.member.email));
    }
  }
}
