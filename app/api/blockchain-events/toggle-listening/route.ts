// POST /api/blockchain-events/toggle-listening {"active": bool} — pause or resume; answers the new status
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { ZToggleListening } from "@/lib/events/schemas";
import { getListener } from "@/lib/events/server";
import { getListenerStatus, setListening } from "@/lib/events/status";

export const dynamic = "force-dynamic";

export const POST = handle("POST /api/blockchain-events/toggle-listening", async ({ request }) => {
  const { active } = ZToggleListening.parse(await request.json().catch(() => null));
  const { db, client, key, deployBlock } = getListener();
  await setListening(db, key, deployBlock, active);
  return NextResponse.json(await getListenerStatus(db, client, key));
});
