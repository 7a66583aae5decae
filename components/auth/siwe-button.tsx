"use client";

import { useState } from "react";
import { BaseError } from "viem";
import { createSiweMessage } from "viem/siwe";
import { useConnection, useSignMessage } from "wagmi";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { signInWithEthereum } from "@/lib/actions/sign-in";
import { siweNonce } from "@/lib/endpoints/auth";
import { call } from "@/lib/endpoints/client";

export function SiweButton({ chainId, callbackUrl }: { chainId: number; callbackUrl: string }) {
  const { address, isConnected } = useConnection();
  const { signMessageAsync } = useSignMessage();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function signIn() {
    if (!address) return;
    setError(null);
    setIsPending(true);
    try {
      const { nonce } = await call(siweNonce);
      const message = createSiweMessage({
        domain: window.location.host,
        address,
        statement: "Sign in to Batchtrail.",
        uri: window.location.origin,
        version: "1",
        chainId,
        nonce,
        issuedAt: new Date(),
        expirationTime: new Date(Date.now() + 10 * 60_000),
      });
      const signature = await signMessageAsync({ message });
      const result = await signInWithEthereum({ message, signature, callbackUrl });
      if (result?.error) setError(result.error);
    } catch (e) {
      setError(e instanceof BaseError ? e.shortMessage : e instanceof Error ? e.message : String(e));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <ConnectWallet />
      <button type="button" onClick={signIn} disabled={!isConnected || isPending} className="rounded-md border border-stone-300 px-4 py-2 text-sm font-medium disabled:opacity-40 dark:border-stone-700">
        Sign in with Ethereum
      </button>
      <p aria-live="polite" role="status" className="min-h-5 text-sm text-red-700 dark:text-red-300">
        {error}
      </p>
    </div>
  );
}
