// The webhook dependencies of the app and the worker: the sealing key, the live setting, and the app's pg-boss.
import "server-only";

import { deriveSecretKey } from "@/lib/auth/secret-box";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { getBoss } from "@/lib/jobs/server";
import { getSetting } from "@/lib/settings/settings";

import type { WebhookDeps } from "./deps";
import { enqueueDeliveries } from "./queue";

export const webhookSecretKey = () => deriveSecretKey(getEnv().AUTH_SECRET, "webhook-secret");

export function getWebhookDeps(): WebhookDeps {
  return {
    sealKey: webhookSecretKey(),
    allowPrivate: () => getSetting(getDb(), "webhooks_allow_private"),
    enqueue: async (jobs) => {
      if (jobs.length) await enqueueDeliveries(await getBoss())(jobs);
    },
  };
}
