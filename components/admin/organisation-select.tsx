"use client";

// A user's organisation: moving someone changes which batches they see, so it asks to confirm.
import { ConfirmedSelect } from "./confirmed-select";

type Organisation = { id: number; name: string };

export function OrganisationSelect({
  user,
  organisations,
  isSelf,
}: {
  user: { id: number; name: string; organisation_id: number | null };
  organisations: Organisation[];
  isSelf: boolean;
}) {
  const options = [
    ...(user.organisation_id === null ? [{ value: "", label: "—" }] : []),
    ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
  ];
  return (
    <ConfirmedSelect
      what="organisation"
      userName={user.name}
      userId={user.id}
      value={user.organisation_id === null ? "" : String(user.organisation_id)}
      options={options}
      isDisabled={isSelf}
      question={(chosen) =>
        `Move ${user.name}, with its wallets, to ${chosen}? It will see only what that organisation holds or held.`
      }
      body={(id) => ({ organisation_id: Number(id) })}
    />
  );
}
