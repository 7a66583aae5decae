// POST /api/blockchain-events/toggle-listening {"active": bool} — pause or resume; answers the new status
import { events } from "@/lib/endpoints/events";
import { handle, reply } from "@/lib/endpoints/handle";
import { getListener } from "@/lib/events/server";
import { getListenerStatus, setListening } from "@/lib/events/status";

export const dynamic = "force-dynamic";

export const POST = handle(events.toggleListening, async ({ body: { active } }) => {
  const { db, client, key, deployBlock } = getListener();
  await setListening(db, key, deployBlock, active);
  return reply(await getListenerStatus(db, client, key));
});
