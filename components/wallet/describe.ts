// How the wallet parts name an address and an error: short, and in viem's own words when it has them.
import { BaseError } from "viem";

/** 0x1234…abcd */
export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** A wallet or chain error's short message (viem's shortMessage), else its message. */
export const describeError = (error: unknown) =>
  error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
