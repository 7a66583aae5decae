// What sending webhooks needs, given by the app and the worker (server.ts) or by a test.
import type { SecretKey } from "@/lib/auth/secret-box";

import type { Resolver } from "./address";

/** One attempt to enqueue: the delivery, the attempt's number (1-based), and not before `startAfter`. */
export type DeliveryJob = { deliveryId: number; attempt: number; startAfter: Date };

export type WebhookDeps = {
  sealKey: SecretKey;
  /** The webhooks_allow_private setting, read when needed (an admin may change it at any time). */
  allowPrivate: () => Promise<boolean>;
  enqueue: (jobs: DeliveryJob[]) => Promise<void>;
  resolve?: Resolver;
  now?: () => Date;
  random?: () => number;
  timeoutMs?: number;
};

export const nowOf = (deps: Pick<WebhookDeps, "now">) => deps.now?.() ?? new Date();
