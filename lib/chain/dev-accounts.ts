// anvil's well-known development accounts. Never use these keys on a public chain.
import { mnemonicToAccount } from "viem/accounts";

const mnemonic = "test test test test test test test test test test test junk";

export const devAccount = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index });

/** Account 0 deploys and operates; 1–4 are the demo cooperatives and exporters that mint. */
export const operatorAccount = devAccount(0);
export const producerAccounts = [1, 2, 3, 4].map(devAccount);
/** The local Chainlink DON's transmitter: an account nothing else sends from, so nonces never clash. */
export const donAccount = devAccount(8);
/** The demo roaster's delivery wallet: where its orders' tokens arrive (`npm run dev` runs anvil with 12 accounts). */
export const buyerAccount = devAccount(10);
/** Ships orders on the local chain (SHIPPER_PRIVATE_KEY elsewhere); its own account, so its nonces are its own. */
export const shipperAccount = devAccount(7);
/** The worker's audit anchorer on the local chain (ANCHOR_ROLE), its own account for the same reason. */
export const anchorAccount = devAccount(9);
