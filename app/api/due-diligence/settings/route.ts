// "GET, PUT /api/due-diligence/settings" — the eudr_submission setting (endpoint and operator identity)
import { actorOf } from "@/lib/audit/actor";
import { sealSecret } from "@/lib/auth/secret-box";
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { eudrSecretKey } from "@/lib/eudr/server";
import { getSetting, setSetting, type Settings } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

const shown = ({ api_key, ...rest }: Settings["eudr_submission"]) => ({ ...rest, has_api_key: api_key !== "" });

export const GET = handle(dueDiligence.getSubmissionSetting, async () =>
  reply(shown(await getSetting(getDb(), "eudr_submission"))),
);

export const PUT = handle(dueDiligence.changeSubmissionSetting, async ({ body, caller }) => {
  const db = getDb();
  const current = await getSetting(db, "eudr_submission");
  // An empty key keeps the one stored (the form never shows it, so it cannot send it back); a new one is sealed.
  const value = { ...body, api_key: body.api_key ? sealSecret(body.api_key, eudrSecretKey()) : current.api_key };
  await setSetting(db, "eudr_submission", value, actorOf(caller), caller.kind === "user" ? caller.user.id : null);
  return reply(shown(value));
});
