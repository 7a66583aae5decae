// The template of chainlink/sources/*.js: `npm run chainlink:sources` fills in __ABOUT__ and __CHECK__ per check.
// Chainlink Functions source: asks Batchtrail __ABOUT__.
// args: [apiUrl, batchId, chainlinkRequestId]; secrets: { apiSecret }. Returns Batchtrail's answer,
// one 160-byte ABI encoding, as it is. The request is signed (HMAC-SHA256 of timestamp, nonce,
// method, path and body), so Batchtrail can refuse forgeries, replays and stale calls.
const crypto = await import("node:crypto");
const [apiUrl, batchId, chainlinkRequestId] = args;
if (!secrets.apiSecret) throw Error("the apiSecret secret is not set");

const path = `/api/chainlink/__CHECK__/${batchId}`;
const data = { chainlink_request_id: chainlinkRequestId };
const timestamp = String(Math.floor(Date.now() / 1000));
const nonce = crypto.randomBytes(16).toString("hex");
const signature = crypto
  .createHmac("sha256", secrets.apiSecret)
  .update(`${timestamp}.${nonce}.POST.${path}.${JSON.stringify(data)}`)
  .digest("hex");

const response = await Functions.makeHttpRequest({
  url: apiUrl + path,
  method: "POST",
  data,
  // identity: the simulator's HTTP proxy passes a compressed body on already inflated.
  headers: {
    "x-batchtrail-timestamp": timestamp,
    "x-batchtrail-nonce": nonce,
    "x-batchtrail-signature": signature,
    "accept-encoding": "identity",
  },
  timeout: 9000,
});
if (response.error) {
  // The response's body says why: a fetch Response in the simulator, parsed data on a DON.
  const body =
    typeof response.response?.json === "function"
      ? await response.response.json().catch(() => null)
      : response.response?.data;
  throw Error(
    `Batchtrail answered ${response.code ?? response.response?.status ?? "nothing"}: ${body?.error?.message ?? body?.error ?? response.message}`,
  );
}
return Buffer.from(response.data.answer.slice(2), "hex");
