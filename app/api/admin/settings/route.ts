// GET, PATCH /api/admin/settings — the admin settings (webhooks_allow_private)
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { changeAdminSettings, getAdminSettings } from "@/lib/endpoints/webhooks";
import { getSettings, setSetting } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

export const GET = handle(getAdminSettings, async () => reply(await getSettings(getDb())));

export const PATCH = handle(changeAdminSettings, async ({ body, caller }) => {
  const db = getDb();
  const by = caller.kind === "user" ? caller.user.id : null;
  await setSetting(db, "webhooks_allow_private", body.webhooks_allow_private, actorOf(caller), by);
  return reply(await getSettings(db));
});
