// POST /api/system/alerts/{system_alert_id}/resolve {"note": "…"} — resolve an open system alert with a note
import { resolveSystemAlert } from "@/lib/alerts/system";
import { getDb } from "@/lib/db/server";
import { resolveSystemAlert as endpoint } from "@/lib/endpoints/alerts";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const POST = handle(endpoint, async ({ params: { system_alert_id }, body: { note }, caller }) => {
  // The rule admits no API key, so the caller is an admin signed in.
  if (caller.kind !== "user") throw new Error("a system alert is resolved by a signed-in admin");
  return reply(await resolveSystemAlert(getDb(), system_alert_id, note, caller.user.id));
});
