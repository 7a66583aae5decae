// Deploys the batch token, the audit anchor and Multicall3 with viem, and grants the demo roles.
import {
  createWalletClient,
  http,
  keccak256,
  stringToBytes,
  type Abi,
  type Account,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";

import { auditAnchorAbi, batchTokenAbi } from "../../lib/chain/abi";
import { chainFor } from "../../lib/chain/client";
import { compileContracts } from "./contracts";
import type { FunctionsDeployment } from "./functions";

type Deployed = { address: Address; deployBlock: string };
export type Deployment = {
  chainId: number;
  batchToken: Deployed;
  auditAnchor?: Deployed;
  multicall3?: Deployed;
  functions?: FunctionsDeployment & { apiUrl: string };
};

export const role = (name: string) => keccak256(stringToBytes(name));

/** Who deploys and where: the admin account on the chain behind `client` and `rpcUrl`. */
export type Signer = { client: PublicClient; rpcUrl: string; admin: Account };

/** The admin's wallet, with `confirm` (a reverted transaction throws, named by `what`) and `deploy`. */
export async function deployerFor(opts: Signer, what: string) {
  const chainId = await opts.client.getChainId();
  const wallet = createWalletClient({
    account: opts.admin,
    chain: chainFor(chainId, opts.rpcUrl),
    transport: http(opts.rpcUrl),
  });
  const confirm = async (hash: Hex) => {
    const receipt = await opts.client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${what} transaction reverted: ${hash}`);
    return receipt;
  };
  const deploy = async (abi: Abi, bytecode: Hex, args: unknown[]): Promise<Deployed> => {
    const receipt = await confirm(await wallet.deployContract({ abi, bytecode, args }));
    return { address: receipt.contractAddress!, deployBlock: receipt.blockNumber.toString() };
  };
  return { chainId, wallet, confirm, deploy };
}

export async function deployContracts(opts: Signer & { minters: Address[] }): Promise<Deployment> {
  const { chainId, wallet, confirm, deploy } = await deployerFor(opts, "deployment");
  const artifacts = compileContracts();

  const batchToken = await deploy(batchTokenAbi, artifacts.BatchToken.bytecode, [opts.admin.address, ""]);
  const auditAnchor = await deploy(auditAnchorAbi, artifacts.AuditAnchor.bytecode, [opts.admin.address]);
  // Public chains have Multicall3 at its usual address; a fresh local chain has none.
  const multicall3 = await deploy(artifacts.Multicall3.abi, artifacts.Multicall3.bytecode, []);
  const grants: [Address, Abi, string, Address][] = [
    ...[opts.admin.address, ...opts.minters].map((a): [Address, Abi, string, Address] => [
      batchToken.address,
      batchTokenAbi,
      "MINTER_ROLE",
      a,
    ]),
    [batchToken.address, batchTokenAbi, "VERIFIER_ROLE", opts.admin.address],
    [batchToken.address, batchTokenAbi, "INVENTORY_MANAGER_ROLE", opts.admin.address],
    [batchToken.address, batchTokenAbi, "ORACLE_ROLE", opts.admin.address],
    [auditAnchor.address, auditAnchorAbi, "ANCHOR_ROLE", opts.admin.address],
  ];
  for (const [address, abi, name, account] of grants) {
    await confirm(await wallet.writeContract({ address, abi, functionName: "grantRole", args: [role(name), account] }));
  }
  return { chainId, batchToken, auditAnchor, multicall3 };
}
