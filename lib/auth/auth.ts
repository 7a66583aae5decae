import "server-only";

import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { clientAddress, unknownClient } from "@/lib/api/client-ip";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";

import { deviceOf } from "./device";
import { getDeviceKey, getTotpKey } from "./keys";
import { hitAccountLimit, signInRate } from "./lockout";
import { checkPasswordSignIn, SignInRefusal } from "./password-sign-in";
import { hitRateLimit } from "./rate-limit";
import { SiweError, verifySiwe } from "./siwe";
import { recordSignIn, userForWallet } from "./users";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** The client's address for the sign-in log: null when no trusted proxy names it. */
const loggedIp = (request: Request) => {
  const address = clientAddress(request.headers);
  return address === unknownClient ? null : address;
};

/** Sign-in attempts from one client address (lib/api/client-ip.ts): signInRate, 30 per 5 minutes. */
export const checkSignInRate = (headers: Headers) =>
  hitRateLimit(getDb(), `sign-in:ip:${clientAddress(headers)}`, signInRate.attempts, signInRate.windowSeconds);

const ZPassword = z.object({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
  code: z.string().max(20).optional(),
  device: z.string().max(200).optional(),
});
const ZSiwe = z.object({ message: z.string().min(1).max(4000), signature: z.string().regex(/^0x[0-9a-fA-F]+$/) });

async function authorizePassword(raw: unknown, request: Request) {
  const parsed = ZPassword.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("invalid_input");
  try {
    const { device, ...input } = parsed.data;
    return await checkPasswordSignIn(
      getDb(),
      {
        ...input,
        code: input.code || undefined,
        ip: loggedIp(request),
        device: deviceOf(getDeviceKey(), device, input.email),
      },
      getTotpKey(),
    );
  } catch (error) {
    if (error instanceof SignInRefusal) throw new SignInRefused(error.code);
    throw error;
  }
}

async function authorizeSiwe(raw: unknown, request: Request) {
  const parsed = ZSiwe.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("invalid_input");
  const db = getDb();
  const ip = loggedIp(request);
  const env = getEnv();
  // The message must name this app's host: AUTH_URL's wherever it is set (required off the local chain).
  const domain = new URL(env.AUTH_URL ?? request.url).host;
  let address: `0x${string}`;
  try {
    address = await verifySiwe(db, parsed.data.message, parsed.data.signature as `0x${string}`, {
      domain,
      chainId: env.CHAIN_ID,
      client: getChain().client,
    });
  } catch (error) {
    if (!(error instanceof SiweError)) throw error;
    await recordSignIn(db, {
      userId: null,
      method: "siwe",
      identifier: "unknown wallet",
      isSuccess: false,
      reason: error.message,
      ip,
    });
    throw new SignInRefused("siwe_refused");
  }
  if (!(await hitAccountLimit(db, address, ip)).isAllowed) throw new SignInRefused("rate_limited");
  const user = await userForWallet(db, address);
  await recordSignIn(db, {
    userId: user.id,
    method: "siwe",
    identifier: address,
    isSuccess: user.isActive,
    reason: user.isActive ? undefined : "user is deactivated",
    ip,
  });
  if (!user.isActive) throw new SignInRefused("deactivated");
  return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

function config(): NextAuthConfig {
  return {
    secret: getEnv().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        id: "password",
        name: "Email and password",
        credentials: { email: {}, password: {}, code: {} },
        authorize: authorizePassword,
      }),
      Credentials({
        id: "siwe",
        name: "Ethereum",
        credentials: { message: {}, signature: {} },
        authorize: authorizeSiwe,
      }),
    ],
    callbacks: {
      // The session version goes into the token; lib/auth/users.ts refuses a token whose version is no longer the user's.
      jwt: ({ token, user }) => (user?.id ? { ...token, uid: Number(user.id), sv: user.sessionVersion } : token),
      session: ({ session, token }) => ({
        ...session,
        userId: token.uid as number,
        sessionVersion: token.sv as number | undefined,
      }),
    },
  };
}

// Lazy: the config reads the environment per request, so `next build` needs none of it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
