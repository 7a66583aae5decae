"use server";

import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { cookies, headers } from "next/headers";
import { z } from "zod";

import { checkSignInRate, signIn } from "@/lib/auth/auth";
import { deviceCookie, issueDeviceToken } from "@/lib/auth/device";
import { getDeviceKey } from "@/lib/auth/keys";
import { safeReturnPath } from "@/lib/auth/redirect";
import { getEnv } from "@/lib/env";

export type SignInState = { error: string | null; needsCode?: boolean };

const messages: Record<string, string> = {
  rate_limited: "Too many attempts. Wait a few minutes and try again.",
  wrong_credentials: "Wrong email or password.",
  siwe_refused: "The wallet signature could not be accepted. Request a new message and sign again.",
  deactivated: "This account is deactivated.",
  invalid_input: "Fill in every field.",
  totp_required: "Enter the 6-digit code from your authenticator app.",
  wrong_code: "That code is wrong or was already used; enter the code your app shows now.",
};

async function run(
  provider: "password" | "siwe",
  fields: Record<string, string>,
  callbackUrl: unknown,
): Promise<SignInState> {
  if (!(await checkSignInRate(await headers())).isAllowed) return { error: messages.rate_limited };
  try {
    await signIn(provider, { ...fields, redirectTo: safeReturnPath(callbackUrl) });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      return {
        error: messages[code] ?? "Sign-in failed.",
        needsCode: code === "totp_required" || code === "wrong_code",
      };
    }
    // next-auth's redirect after a successful sign-in: this browser is now a known device of the account.
    if (isRedirectError(error) && fields.email) await rememberDevice(fields.email);
    throw error;
  }
}

async function rememberDevice(email: string) {
  const secure = getEnv().AUTH_URL?.startsWith("https:") ?? false;
  (await cookies()).set(deviceCookie, issueDeviceToken(getDeviceKey(), email), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}

export async function signInWithPassword(_: SignInState, form: unknown): Promise<SignInState> {
  if (!(form instanceof FormData)) return { error: messages.invalid_input };
  const device = (await cookies()).get(deviceCookie)?.value ?? "";
  return run(
    "password",
    {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      device,
    },
    form.get("callbackUrl"),
  );
}

const ZSiweInput = z.object({
  message: z.string().max(4000),
  signature: z.string().max(1000),
  callbackUrl: z.string().max(2000).optional(),
});

export async function signInWithEthereum(input: unknown): Promise<SignInState> {
  const parsed = ZSiweInput.safeParse(input);
  if (!parsed.success) return { error: messages.invalid_input };
  return run("siwe", { message: parsed.data.message, signature: parsed.data.signature }, parsed.data.callbackUrl);
}
