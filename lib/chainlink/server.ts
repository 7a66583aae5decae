// The Chainlink routes' one body: the configured database, chain and secret, and the caller's address.
import "server-only";

import { NextResponse } from "next/server";

import { clientAddress } from "@/lib/api/client-ip";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";

import type { CheckType } from "./answer";
import { answerCall } from "./calls";

/** `body`: the request's raw text, which the signature covers. */
export async function respondToCheck(
  request: Request,
  body: string,
  check: CheckType,
  tokenParam: string,
): Promise<Response> {
  const ip = clientAddress(request.headers);
  const call = { check, tokenParam, path: new URL(request.url).pathname, headers: request.headers, body, ip };
  return NextResponse.json(await answerCall(getDb(), getChain(), getEnv().CHAINLINK_SECRET, call));
}
