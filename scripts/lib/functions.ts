// Chainlink Functions on the local chain: Chainlink's own router, coordinator test helper, LINK
// token, price feeds and allow list, as bundled in @chainlink/functions-toolkit and configured as
// its local testnet configures them; a funded subscription; and Batchtrail's consumer, BatchChecks,
// with the sources in chainlink/sources and the oracle role on the batch token.
import { readFileSync } from "node:fs";
import {
  createWalletClient,
  encodeAbiParameters,
  parseEther,
  stringToHex,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";

import { checkTypes } from "@/lib/db/enums";

import { batchChecksAbi, batchTokenAbi } from "../../lib/chain/abi";
import * as toolkit from "../../lib/chainlink/toolkit";
import { sourceFile } from "./chainlink-sources";
import { compileContracts } from "./contracts";
import { deployerFor, role, type Signer } from "./deploy";

export type FunctionsDeployment = {
  router: Address;
  coordinator: Address;
  consumer: Address;
  donId: Hex;
  subscriptionId: string;
};

/** The gas the consumer's callback may use: the router's lowest tier. */
export const callbackGasLimit = 300_000;

export const readSource = (check: (typeof checkTypes)[number]) => readFileSync(sourceFile(check), "utf8");

export async function deployFunctions(
  opts: Signer & { batchToken: Address; apiUrl: string; verifiers: Address[] },
): Promise<FunctionsDeployment> {
  const { wallet, confirm, deploy: deployAt } = await deployerFor(opts, "Chainlink Functions setup");
  const deploy = async (source: { abi: unknown; bytecode: string }, args: unknown[]) =>
    (await deployAt(source.abi as Abi, source.bytecode as Hex, args)).address;
  const write = async (address: Address, abi: unknown, functionName: string, args: unknown[]) =>
    confirm(await wallet.writeContract({ address, abi: abi as Abi, functionName, args }));

  const link = await deploy(toolkit.LinkTokenSource, []);
  const linkEthFeed = await deploy(toolkit.MockV3AggregatorSource, [18, toolkit.simulatedLinkEthPrice]);
  const linkUsdFeed = await deploy(toolkit.MockV3AggregatorSource, [8, toolkit.simulatedLinkUsdPrice]);
  const router = await deploy(toolkit.FunctionsRouterSource, [link, toolkit.simulatedRouterConfig]);
  const coordinator = await deploy(toolkit.FunctionsCoordinatorTestHelperSource, [
    router,
    toolkit.simulatedCoordinatorConfig,
    linkEthFeed,
    linkUsdFeed,
  ]);
  const allowList = await deploy(toolkit.TermsOfServiceAllowListSource, [toolkit.simulatedAllowListConfig, [], []]);
  const allowListId = stringToHex(toolkit.simulatedAllowListId, { size: 32 });
  const donId = stringToHex(toolkit.simulatedDonId, { size: 32 });
  await write(router, toolkit.FunctionsRouterSource.abi, "setAllowListId", [allowListId]);
  await write(router, toolkit.FunctionsRouterSource.abi, "proposeContractsUpdate", [
    [allowListId, donId],
    [allowList, coordinator],
  ]);
  await write(router, toolkit.FunctionsRouterSource.abi, "updateContracts", []);

  const { result: subscriptionId, request } = await opts.client.simulateContract({
    account: opts.admin,
    address: router,
    abi: toolkit.FunctionsRouterSource.abi as Abi,
    functionName: "createSubscription",
  });
  await confirm(await wallet.writeContract(request));
  await write(link, toolkit.LinkTokenSource.abi, "transferAndCall", [
    router,
    parseEther("1000"),
    encodeAbiParameters([{ type: "uint64" }], [subscriptionId as bigint]),
  ]);

  const consumer = await deploy(compileContracts().BatchChecks, [router, opts.batchToken, opts.admin.address]);
  await write(router, toolkit.FunctionsRouterSource.abi, "addConsumer", [subscriptionId, consumer]);
  await configureConsumer(opts.client, wallet, consumer, {
    donId,
    subscriptionId: subscriptionId as bigint,
    apiUrl: opts.apiUrl,
  });
  for (const check of checkTypes)
    await write(consumer, batchChecksAbi, "setSource", [checkTypes.indexOf(check), readSource(check)]);
  await write(opts.batchToken, batchTokenAbi, "grantRole", [role("ORACLE_ROLE"), consumer]);
  for (const verifier of opts.verifiers)
    await write(consumer, batchChecksAbi, "grantRole", [role("VERIFIER_ROLE"), verifier]);
  return { router, coordinator, consumer, donId, subscriptionId: String(subscriptionId) };
}

/** Points the consumer at a DON, a subscription and the app's URL (the dev stack repeats it when the port changes). */
export async function configureConsumer(
  client: PublicClient,
  wallet: ReturnType<typeof createWalletClient>,
  consumer: Address,
  c: { donId: Hex; subscriptionId: bigint; apiUrl: string },
) {
  const hash = await wallet.writeContract({
    account: wallet.account!,
    chain: wallet.chain,
    address: consumer,
    abi: batchChecksAbi,
    functionName: "configure",
    args: [
      {
        donId: c.donId,
        subscriptionId: c.subscriptionId,
        callbackGasLimit,
        secretsSlot: 0,
        secretsVersion: 0n,
        apiUrl: c.apiUrl.replace(/\/$/, ""),
      },
    ],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`configuring the Chainlink consumer reverted: ${hash}`);
}
