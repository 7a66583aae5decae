// What the order routes need from the environment: how long reservations hold, the chain, and the
// shipping wallet's address (only the worker holds its key).
import "server-only";

import { getChain } from "@/lib/chain/server";
import { getEnv } from "@/lib/env";

import { shipperOf } from "./shipper";
import type { TransitionDeps } from "./transitions";

export function getOrderDeps(): TransitionDeps {
  const env = getEnv();
  return { holdHours: env.RESERVATION_HOURS, chain: getChain(), shipper: shipperOf(env)?.address ?? null };
}
