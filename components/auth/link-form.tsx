// A form opened from a mailed link: the link's refusal when it cannot be used, else the form, carrying the link's token.
import { ActionForm } from "./action-form";
import { LinkRefused } from "./auth-card";

type Props = { refused: string | null; token?: string } & React.ComponentProps<typeof ActionForm>;

export function LinkForm({ refused, token, fields, ...form }: Props) {
  if (refused !== null) return <LinkRefused message={refused} />;
  return <ActionForm {...form} fields={[{ name: "token", label: "Token", isHidden: true, value: token }, ...fields]} />;
}
