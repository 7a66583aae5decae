"use client";

import { useConnect, useConnection, useDisconnect } from "wagmi";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

import { shortAddress } from "./describe";

/** wagmi calls an unidentified browser wallet "Injected"; people call it a browser wallet. */
const label = (c: { id: string; name: string }) =>
  c.id === "injected" && c.name === "Injected" ? "browser wallet (MetaMask…)" : c.name;

export function ConnectWallet() {
  const { address, isConnected } = useConnection();
  const { connect, connectors, isPending, error } = useConnect();
  const { disconnect } = useDisconnect();

  if (isConnected && address) {
    return (
      <div className="flex items-center gap-3 text-sm">
        <span>
          Connected:{" "}
          <span className="font-mono" title={address}>
            {shortAddress(address)}
          </span>
        </span>
        <Button variant="ghost" className="underline" onClick={() => disconnect()}>
          Disconnect
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {connectors.map((c) => (
        <Button key={c.uid} disabled={isPending} onClick={() => connect({ connector: c })}>
          Connect {label(c)}
        </Button>
      ))}
      {error && <Notice>{"shortMessage" in error ? error.shortMessage : error.message}</Notice>}
    </div>
  );
}
