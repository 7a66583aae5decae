// The signed-out pages opened from a mailed link, one row each: the link's refusal when it cannot be
// used, else the form, carrying the link's token.
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { checkLink } from "@/lib/auth/link-check";

import { ActionForm } from "./action-form";
import { AuthCard, LinkRefused } from "./auth-card";

type Link = { email: string | null; role: string | null };

type Page = Omit<React.ComponentProps<typeof ActionForm>, "successMessage"> & {
  title: string;
  /** A line of help; one written from the link is shown only while the link can be used. */
  intro: string | ((link: Link) => string);
};

const pages = {
  invitation: {
    title: "Join Batchtrail",
    intro: (link) =>
      `You are invited as ${link.role}, with ${link.email}. Choose your name and a password (12 characters or more).`,
    action: acceptInvitationAction,
    submitLabel: "Create my account",
    successHref: "/sign-in?notice=account-created",
    fields: [
      { name: "name", label: "Your name", autoComplete: "name" },
      { name: "password", label: "New password", type: "password", autoComplete: "new-password" },
    ],
  },
  password_reset: {
    title: "Set your password",
    intro: "12 characters or more. Every session of your account ends; sign in again afterwards.",
    action: resetPasswordAction,
    submitLabel: "Set password",
    successHref: "/sign-in?notice=password-set",
    fields: [{ name: "password", label: "New password", type: "password", autoComplete: "new-password" }],
  },
} satisfies Record<string, Page>;

/** What Next.js hands a link's page: the token from the mail. */
export type LinkPageProps = { searchParams: Promise<{ token?: string }> };

export async function LinkPage({ purpose, token }: { purpose: keyof typeof pages; token?: string }) {
  const { title, intro, fields, ...form }: Page = pages[purpose];
  const link = await checkLink(purpose, token);
  const refused = "refused" in link ? link.refused : null;
  const help = typeof intro === "string" ? intro : "refused" in link ? undefined : intro(link);
  return (
    <AuthCard title={title} intro={help}>
      {refused !== null ? (
        <LinkRefused message={refused} />
      ) : (
        <ActionForm {...form} fields={[{ name: "token", label: "Token", isHidden: true, value: token }, ...fields]} />
      )}
    </AuthCard>
  );
}
