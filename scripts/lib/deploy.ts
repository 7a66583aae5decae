// Deploys the batch token with viem and grants the demo roles.
import { createWalletClient, http, keccak256, stringToBytes, type Account, type Address, type PublicClient } from "viem";
import { batchTokenAbi } from "../../lib/chain/abi";
import { chainFor } from "../../lib/chain/client";
import { compileContracts } from "./contracts";

export type Deployment = { chainId: number; batchToken: { address: Address; deployBlock: string } };

export const role = (name: string) => keccak256(stringToBytes(name));

export async function deployBatchToken(opts: { client: PublicClient; rpcUrl: string; admin: Account; minters: Address[] }): Promise<Deployment> {
  const chainId = await opts.client.getChainId();
  const wallet = createWalletClient({ account: opts.admin, chain: chainFor(chainId, opts.rpcUrl), transport: http(opts.rpcUrl) });
  const { bytecode } = compileContracts().BatchToken;
  const hash = await wallet.deployContract({ abi: batchTokenAbi, bytecode, args: [opts.admin.address, ""] });
  const receipt = await opts.client.waitForTransactionReceipt({ hash });
  const address = receipt.contractAddress!;
  const grants: [string, Address][] = [
    ...[opts.admin.address, ...opts.minters].map((a): [string, Address] => ["MINTER_ROLE", a]),
    ["VERIFIER_ROLE", opts.admin.address],
    ["INVENTORY_MANAGER_ROLE", opts.admin.address],
    ["ORACLE_ROLE", opts.admin.address],
  ];
  for (const [name, account] of grants) {
    const tx = await wallet.writeContract({ address, abi: batchTokenAbi, functionName: "grantRole", args: [role(name), account] });
    await opts.client.waitForTransactionReceipt({ hash: tx });
  }
  return { chainId, batchToken: { address, deployBlock: receipt.blockNumber.toString() } };
}
