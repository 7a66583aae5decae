"use client";

// Asks the connected wallet to call markVerified(tokenId); the contract allows only its verifier role.
import { WalletAction, type BatchCall } from "./wallet-action";

export function MarkVerifiedOnchain({ call }: { call: BatchCall }) {
  return (
    <WalletAction
      call={call}
      kind="mark_verified"
      intro="Verified off chain but not yet on chain. A wallet with the verifier role can record it on the contract."
      label="Mark verified on chain"
      done={(hash) => `Marked verified on chain in ${hash}; the page updates once the event is indexed.`}
    />
  );
}
