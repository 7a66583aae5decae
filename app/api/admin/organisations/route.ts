// GET, POST /api/admin/organisations — organisations with their wallets; create a producer or buyer organisation
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { createOrganisation, listOrganisations } from "@/lib/organisations/organisations";
import { ZNewOrganisation } from "@/lib/organisations/schemas";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/admin/organisations", async () => NextResponse.json({ data: await listOrganisations(getDb()) }));

export const POST = handle("POST /api/admin/organisations", async ({ request, caller }) => {
  const input = ZNewOrganisation.parse(await request.json().catch(() => null));
  return NextResponse.json(await createOrganisation(getDb(), input, actorOf(caller)), { status: 201 });
});
