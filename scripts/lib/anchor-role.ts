// Gives the local worker's anchorer ANCHOR_ROLE on AuditAnchor, once (deployments made before
// anchoring ran on the worker lack it).
import { createWalletClient, http, type Account, type Address, type PublicClient } from "viem";

import { auditAnchorAbi } from "../../lib/chain/abi";
import { chainFor } from "../../lib/chain/client";
import { role } from "./deploy";

export async function ensureAnchorRole(
  client: PublicClient,
  rpcUrl: string,
  anchor: Address,
  admin: Account,
  anchorer: Address,
): Promise<boolean> {
  const anchorRole = role("ANCHOR_ROLE");
  if (
    await client.readContract({
      address: anchor,
      abi: auditAnchorAbi,
      functionName: "hasRole",
      args: [anchorRole, anchorer],
    })
  )
    return false;
  const wallet = createWalletClient({ account: admin, chain: chainFor(31337, rpcUrl), transport: http(rpcUrl) });
  const receipt = await client.waitForTransactionReceipt({
    hash: await wallet.writeContract({
      address: anchor,
      abi: auditAnchorAbi,
      functionName: "grantRole",
      args: [anchorRole, anchorer],
    }),
  });
  if (receipt.status !== "success") throw new Error("granting ANCHOR_ROLE to the anchorer reverted");
  return true;
}
