import { HttpRequestError, ResponseBodyTooLargeError, RpcRequestError, TimeoutError } from "viem";
import { describe, expect, it } from "vitest";

import { growRange, isRangeRefusal, shrinkRange } from "@/lib/events/range";

const rpc = (message: string) => new RpcRequestError({ body: {}, url: "http://rpc", error: { code: -32005, message } });

describe("getLogs ranges", () => {
  it.each([
    "query returned more than 10000 results",
    "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
    "eth_getLogs is limited to a 10,000 range",
    "block range is too wide",
    "exceed maximum block range: 5000",
  ])("shrinks when a provider says %j", (message) => {
    expect(isRangeRefusal(rpc(message))).toBe(true);
  });

  it("shrinks on a timeout, or an answer too large to read", () => {
    expect(isRangeRefusal(new TimeoutError({ body: {}, url: "http://rpc" }))).toBe(true);
    expect(isRangeRefusal(new ResponseBodyTooLargeError({ maxSize: 10_000_000, size: 49_000_000 }))).toBe(true);
  });

  it("does not shrink for a rate limit or an outage", () => {
    expect(isRangeRefusal(new HttpRequestError({ url: "http://rpc", status: 429, details: "Too Many Requests" }))).toBe(
      false,
    );
    expect(isRangeRefusal(rpc("rate limited"))).toBe(false);
    expect(
      isRangeRefusal(new HttpRequestError({ url: "http://rpc", status: 500, details: "Internal Server Error" })),
    ).toBe(false);
  });

  it("halves down to one block, grows back while answers are small, and aims large answers at about 2,000 logs", () => {
    expect([shrinkRange(2000), shrinkRange(3), shrinkRange(1)]).toEqual([1000, 1, 1]);
    expect(growRange(500, 10, 2000)).toBe(1000);
    expect(growRange(1500, 10, 2000)).toBe(2000);
    expect(growRange(500, 2000, 2000)).toBe(500);
    expect(growRange(500, 5000, 2000)).toBe(200);
    expect(growRange(14, 9009, 2000)).toBe(3);
    expect(growRange(1, 4500, 2000)).toBe(1);
  });
});
