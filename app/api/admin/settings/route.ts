// GET, PATCH /api/admin/settings — the admin settings (webhooks_allow_private)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { webhooks } from "@/lib/endpoints/webhooks";
import { getSettings, setSetting } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

// Only the webhook setting: the EUDR one (with its key) has its own route, /api/due-diligence/settings.
const webhookSettings = async () => ({ webhooks_allow_private: (await getSettings(getDb())).webhooks_allow_private });

export const GET = handle(webhooks.getAdminSettings, async () => reply(await webhookSettings()));

export const PATCH = handle(webhooks.changeAdminSettings, async ({ body, caller }) => {
  const db = getDb();
  const by = caller.kind === "user" ? caller.user.id : null;
  await setSetting(db, "webhooks_allow_private", body.webhooks_allow_private, actorOf(caller), by);
  return reply(await webhookSettings());
});
