import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";

import { PasswordForm } from "@/components/auth/password-form";
import { SiweButton } from "@/components/auth/siwe-button";
import { PageHeader } from "@/components/ui/page-header";
import { toneStyles } from "@/components/ui/tones";
import { PageWallet } from "@/components/wallet/page-wallet";
import { safeReturnPath } from "@/lib/auth/redirect";
import { getSessionUser } from "@/lib/auth/session";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { getWalletSettings } from "@/lib/wallet/settings";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; notice?: string }> };

const notices: Record<string, string> = {
  "account-created": "Your account is ready: sign in.",
  "password-set": "Your password is set: sign in with it.",
  "password-changed": "Your password is changed and every session ended: sign in again.",
};

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const notice = notices[params.notice ?? ""];
  if (await getSessionUser()) redirect(callbackUrl);
  const settings = getWalletSettings(await cookies());
  const hasDemoUsers = getEnv().CHAIN_ID === 31337 && !!(await findUserByEmail(getDb(), "admin@batchtrail.local"));
  return (
    <main className="mx-auto flex max-w-md flex-col gap-8 px-6 py-16">
      <PageHeader title="Sign in to Batchtrail">
        Operators use their email; cooperatives and exporters sign in with their wallet.
      </PageHeader>
      {notice && (
        <p role="status" className={`rounded-md border p-3 text-sm ${toneStyles.green.box} ${toneStyles.green.text}`}>
          {notice}
        </p>
      )}
      <section aria-labelledby="with-password" className="flex flex-col gap-2">
        <h2 id="with-password" className="text-sm font-semibold">
          With email and password
        </h2>
        <PasswordForm callbackUrl={callbackUrl} />
        <Link href="/forgot-password" className="text-sm underline">
          Forgot your password?
        </Link>
      </section>
      {settings && (
        <section aria-labelledby="with-wallet" className="flex flex-col gap-2">
          <h2 id="with-wallet" className="text-sm font-semibold">
            With a wallet
          </h2>
          <PageWallet settings={settings}>
            <SiweButton chainId={settings.chainId} callbackUrl={callbackUrl} />
          </PageWallet>
        </section>
      )}
      {hasDemoUsers && (
        <p className="rounded-md bg-stone-100 p-3 text-xs text-stone-600 dark:bg-stone-900 dark:text-stone-400">
          Local demo accounts (password <code>batchtrail-demo</code>): admin@batchtrail.local,
          operator@batchtrail.local, verifier@batchtrail.local, viewer@batchtrail.local.
        </p>
      )}
    </main>
  );
}
