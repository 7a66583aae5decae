// Which AuditAnchor contract records are anchored on, and its confirmed anchors. Worker-safe.
import { and, eq } from "drizzle-orm";
import type { Address } from "viem";

import { auditAnchors } from "@/lib/db/schema";

export type AnchorTarget = { chainId: number; address: Address };

/** This contract's confirmed anchors. */
export const confirmedAnchors = (target: AnchorTarget) =>
  and(
    eq(auditAnchors.chainId, target.chainId),
    eq(auditAnchors.contractAddress, target.address.toLowerCase()),
    eq(auditAnchors.status, "confirmed"),
  );
