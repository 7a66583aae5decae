// What a failed RPC call says about the RPC: down or overloaded (worth waiting out), or a refusal
// that asking again will not change (a revert, bad parameters, a 4xx answer).

/** An error and its causes, as viem nests them. */
export type Cause = { name?: string; message?: string; details?: string; status?: number; cause?: unknown };

export function causes(error: unknown): Cause[] {
  const list: Cause[] = [];
  for (let e = error as Cause | undefined, depth = 0; e && depth < 8; e = e.cause as Cause | undefined, depth++)
    list.push(e);
  return list;
}

/** viem's names for a node that is busy or failing inside, rather than refusing the request. */
const unavailable = new Set([
  "TimeoutError",
  "WebSocketRequestError",
  "SocketClosedError",
  "LimitExceededRpcError",
  "ResourceUnavailableRpcError",
  "InternalRpcError",
]);

/** True when the RPC could not be reached, timed out, or answered 429 or 5xx. */
export function isOutage(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      unavailable.has(e.name ?? "") ||
      (e.name === "HttpRequestError" && (e.status === undefined || e.status === 429 || e.status >= 500)),
  );
}
