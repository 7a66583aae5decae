"use client";

import { useConnect, useConnection, useDisconnect } from "wagmi";

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** wagmi calls an unidentified browser wallet "Injected"; people call it a browser wallet. */
const label = (c: { id: string; name: string }) => (c.id === "injected" && c.name === "Injected" ? "browser wallet (MetaMask…)" : c.name);

export function ConnectWallet() {
  const { address, isConnected } = useConnection();
  const { connect, connectors, isPending, error } = useConnect();
  const { disconnect } = useDisconnect();

  if (isConnected && address) {
    return (
      <div className="flex items-center gap-3 text-sm">
        <span>
          Connected: <span className="font-mono" title={address}>{short(address)}</span>
        </span>
        <button type="button" onClick={() => disconnect()} className="text-stone-500 underline">
          Disconnect
        </button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {connectors.map((c) => (
        <button key={c.uid} type="button" disabled={isPending} onClick={() => connect({ connector: c })} className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Connect {label(c)}
        </button>
      ))}
      {error && <span role="alert" className="text-red-700 dark:text-red-300">{"shortMessage" in error ? error.shortMessage : error.message}</span>}
    </div>
  );
}
