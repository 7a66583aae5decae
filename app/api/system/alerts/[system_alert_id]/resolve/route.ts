// POST /api/system/alerts/{system_alert_id}/resolve {"note": "…"} — resolve an open system alert with a note
import { resolveSystemAlert } from "@/lib/alerts/system";
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/server";
import { alerts } from "@/lib/endpoints/alerts";
import { handle, reply } from "@/lib/endpoints/handle";

export const dynamic = "force-dynamic";

export const POST = handle(
  alerts.resolveSystemAlert,
  async ({ params: { system_alert_id }, body: { note }, caller }) => {
    // The rule admits no API key: a person resolves it.
    if (caller.kind !== "user") throw new ApiError("forbidden", "A system alert is resolved by an admin signed in.");
    return reply(await resolveSystemAlert(getDb(), system_alert_id, note, caller.user.id));
  },
);
