// Settings an admin changes at run time, one row per key, each change audited. A key without a row
// has its default: nothing is allowed that an admin did not allow.
import { eq } from "drizzle-orm";

import { recordAudit, type Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { type settingKeys } from "@/lib/db/enums";
import { settings } from "@/lib/db/schema";

export type SettingKey = (typeof settingKeys)[number];

/** Each setting's type and value when no one has set it. */
export const settingDefaults = {
  webhooks_allow_private: false,
  // The EU information system's services (base URL, empty: not configured), the web service user, its
  // authentication key (sealed) and client id, and the operator's identity a statement names
  // (lib/eudr/submit.ts).
  eudr_submission: {
    endpoint_url: "",
    username: "",
    api_key: "",
    web_service_client_id: "",
    operator_eori: "",
    operator_address: "",
    operator_country: "",
  },
} satisfies Record<SettingKey, unknown>;
export type Settings = typeof settingDefaults;

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<Settings[K]> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row ? withDefaults(key, row.value) : settingDefaults[key];
}

/** A stored object setting gains the fields added to it since it was saved, at their defaults. */
function withDefaults<K extends SettingKey>(key: K, value: unknown): Settings[K] {
  const fallback = settingDefaults[key];
  return (typeof fallback === "object" ? { ...fallback, ...(value as object) } : value) as Settings[K];
}

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.select().from(settings);
  return {
    ...settingDefaults,
    ...Object.fromEntries(rows.map((r) => [r.key, withDefaults(r.key as SettingKey, r.value)])),
  };
}

/** Sets a key, audited with its value before and after; `by` is the admin, or null for the stack's own setup. */
export async function setSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: Settings[K],
  actor: Actor,
  by: number | null = null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, key))
      .for("update");
    await tx
      .insert(settings)
      .values({ key, value, updatedBy: by })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
    await recordAudit(tx, {
      entity: "setting",
      entityId: key,
      action: "setting.changed",
      actor,
      before: { value: before ? before.value : settingDefaults[key] },
      after: { value },
    });
  });
}

/** Sets a key only if no one has: a starting value (the demo's) that never overrides an admin's choice. */
export async function initSetting<K extends SettingKey>(db: Db, key: K, value: Settings[K], actor: Actor) {
  const [row] = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, key));
  if (!row) await setSetting(db, key, value, actor);
}
