"use client";

import { useState } from "react";
import { BaseError } from "viem";
import { createSiweMessage } from "viem/siwe";
import { useConnection, useSignMessage } from "wagmi";

import { Button } from "@/components/ui/button";
import { toneStyles } from "@/components/ui/tones";
import { ConnectWallet } from "@/components/wallet/connect-wallet";
import { signInWithEthereum } from "@/lib/actions/sign-in";
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
      const { nonce } = await call("POST /api/auth/siwe/nonce");
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
      <Button disabled={!isConnected} isPending={isPending} onClick={signIn}>
        Sign in with Ethereum
      </Button>
      <p aria-live="polite" role="status" className={`min-h-5 text-sm ${toneStyles.red.text}`}>
        {error}
      </p>
    </div>
  );
}
