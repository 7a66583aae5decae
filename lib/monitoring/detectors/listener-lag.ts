// The listener has fallen behind the chain's head by more blocks than the status page tolerates.
import { listenerId, readListener } from "@/lib/events/listener";
import { checkRpc, thresholds } from "@/lib/system/checks";

import type { Detector } from "../detector";

export const listenerLag: Detector = {
  name: "listener_lag",
  alert: "system",
  rule: "The chain's head is more blocks ahead of the listener's last processed block than the threshold.",
  threshold: `lag > ${thresholds.listenerLagBlocks} blocks`,
  async detect({ db, probe, listener }) {
    const rpc = await checkRpc(probe, listener.chainId);
    if (rpc.head === null) throw new Error(`the chain's head cannot be read: ${rpc.message}`);
    const state = await readListener(db, listener);
    if (!state) return { findings: [], figures: { head_block: rpc.head.toString(), last_block: null } };
    const lag = rpc.head > state.lastBlock ? rpc.head - state.lastBlock : 0n;
    const figures = {
      head_block: rpc.head.toString(),
      last_block: state.lastBlock.toString(),
      lag_blocks: Number(lag),
      threshold: thresholds.listenerLagBlocks,
    };
    if (lag <= BigInt(thresholds.listenerLagBlocks)) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: listenerId(listener),
          severity: "high",
          message: `The listener is ${lag} blocks behind the chain (more than ${thresholds.listenerLagBlocks}).`,
          evidence: figures,
        },
      ],
    };
  },
};
