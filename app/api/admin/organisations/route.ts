// GET, POST /api/admin/organisations — organisations with their wallets; create a producer or buyer organisation
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";
import { createOrganisation, listOrganisations } from "@/lib/organisations/organisations";

export const dynamic = "force-dynamic";

export const GET = handle(admin.listOrganisations, async () => reply({ data: await listOrganisations(getDb()) }));

export const POST = handle(admin.createOrganisation, async ({ body, caller }) =>
  reply(await createOrganisation(getDb(), body, actorOf(caller)), 201),
);
