// New heads over a WebSocket, for as long as the node is gone. viem's own reconnect gives up after
// one failed redial (the error of a refused connection arrives while its redial is still marked as
// in progress), which left the listener on polling alone after any outage; so the socket is
// dialled here, afresh each time, until it is back.
import { createPublicClient, webSocket } from "viem";

type HeadsOptions = {
  redialMs?: number;
  /** Told once each time the subscription is lost, not at every failed redial. */
  onLost?: (error: Error) => void;
};

/** Calls `onBlock` with each new block number the node announces; answers a function that stops. */
export function watchHeads(wsUrl: string, onBlock: (n: bigint) => void, opts: HeadsOptions = {}): () => void {
  const redialMs = opts.redialMs ?? 2_000;
  let isStopped = false;
  let isLost = false;
  let redial: ReturnType<typeof setTimeout> | undefined;
  let current: { client: ReturnType<typeof dialled>; unwatch: () => void } | undefined;

  const dialled = () => createPublicClient({ transport: webSocket(wsUrl, { reconnect: false }) });
  const hangUp = () => {
    if (!current) return;
    const { client, unwatch } = current;
    current = undefined;
    unwatch();
    void client.transport
      .getRpcClient()
      .then((socket) => socket.close())
      .catch(() => {});
  };
  const dial = () => {
    if (isStopped) return;
    const client = dialled();
    const unwatch = client.watchBlockNumber({
      onBlockNumber: (n) => {
        isLost = false;
        onBlock(n);
      },
      onError: (error) => {
        if (current?.client !== client) return;
        if (!isLost) opts.onLost?.(error);
        isLost = true;
        hangUp();
        redial = setTimeout(dial, redialMs);
      },
    });
    current = { client, unwatch };
  };

  dial();
  return () => {
    isStopped = true;
    clearTimeout(redial);
    hangUp();
  };
}
