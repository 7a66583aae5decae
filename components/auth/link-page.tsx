// A signed-out page opened from a mailed link: the link's refusal when it cannot be used, else the
// form, carrying the link's token.
import { checkLink } from "@/lib/auth/link-check";
import type { TokenPurpose } from "@/lib/auth/tokens";

import { ActionForm } from "./action-form";
import { AuthCard, LinkRefused } from "./auth-card";

type Link = { email: string | null; role: string | null };

type Props = React.ComponentProps<typeof ActionForm> & {
  purpose: TokenPurpose;
  token?: string;
  title: string;
  /** A line of help; one written from the link is shown only while the link can be used. */
  intro: string | ((link: Link) => string);
};

export async function LinkPage({ purpose, token, title, intro, fields, ...form }: Props) {
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
