"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { checkSignInRate, signIn } from "@/lib/auth/auth";

export type SignInState = { error: string | null };

const messages: Record<string, string> = {
  rate_limited: "Too many attempts. Wait a few minutes and try again.",
  wrong_credentials: "Wrong email or password.",
  siwe_refused: "The wallet signature could not be accepted. Request a new message and sign again.",
  deactivated: "This account is deactivated.",
  invalid_input: "Fill in every field.",
};

const safePath = (p: unknown) => (typeof p === "string" && p.startsWith("/") && !p.startsWith("//") ? p : "/inventory");

async function run(provider: "password" | "siwe", fields: Record<string, string>, callbackUrl: unknown): Promise<SignInState> {
  const ip = (await headers()).get("x-forwarded-for")?.split(",")[0].trim() ?? null;
  if (!(await checkSignInRate(ip)).isAllowed) return { error: messages.rate_limited };
  try {
    await signIn(provider, { ...fields, redirectTo: safePath(callbackUrl) });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) return { error: messages[(error as AuthError & { code?: string }).code ?? ""] ?? "Sign-in failed." };
    throw error; // next-auth's redirect after a successful sign-in
  }
}

export async function signInWithPassword(_: SignInState, form: FormData): Promise<SignInState> {
  return run("password", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }, form.get("callbackUrl"));
}

export async function signInWithEthereum(input: { message: string; signature: string; callbackUrl?: string }): Promise<SignInState> {
  return run("siwe", { message: input.message, signature: input.signature }, input.callbackUrl);
}
