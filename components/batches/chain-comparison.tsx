import { Table, TableHead } from "@/components/ui/table";
import { toneStyles } from "@/components/ui/tones";
import type { OnchainJson } from "@/lib/batches/get";
import type { BatchJson } from "@/lib/batches/serialize";
import { formatDecimal } from "@/lib/format";

type Row = { label: string; offchain: string | null; onchain: string | null };

function rows(b: BatchJson, c: OnchainJson): Row[] {
  return [
    {
      label: "Quantity (kg)",
      offchain: b.quantity_kg && formatDecimal(b.quantity_kg, 3),
      onchain: formatDecimal(c.quantity_kg, 3),
    },
    {
      label: "Price per kg (USD)",
      offchain: b.price_per_kg && formatDecimal(b.price_per_kg, 2),
      onchain: formatDecimal(c.price_per_kg, 2),
    },
    { label: "Production date", offchain: b.production_date, onchain: c.production_date },
    { label: "Expiry date", offchain: b.expiry_date, onchain: c.expiry_date },
    { label: "Metadata hash", offchain: b.metadata_hash, onchain: c.metadata_hash },
    {
      label: "Verified",
      offchain: b.verification_status === "verified" ? "yes" : "no",
      onchain: c.is_verified ? "yes" : "no",
    },
  ];
}

/** Facts only the chain keeps. */
function chainOnly(c: OnchainJson): [string, string][] {
  return [
    ["Minted (kg)", formatDecimal(c.minted_kg, 3)],
    ["Redeemed (kg)", formatDecimal(c.redeemed_kg, 3)],
    ["Status on chain", c.status],
    ["Created by", c.creator],
  ];
}

/** The off-chain record beside what the contract holds; rows that disagree are marked. */
export function ChainComparison({ batch, onchain }: { batch: BatchJson; onchain: OnchainJson }) {
  return (
    <Table isFramed={false}>
      <TableHead columns={["Fact", "Off chain", "On chain"]} />
      <tbody>
        {rows(batch, onchain).map((r) => {
          const differs = r.offchain !== r.onchain;
          return (
            <tr key={r.label} data-differs={differs} className={differs ? toneStyles.amber.box : ""}>
              <th scope="row" className="px-2 py-1.5 text-left font-medium">
                {r.label}
              </th>
              <td className="break-all px-2 py-1.5 font-mono text-xs">{r.offchain ?? "—"}</td>
              <td className="break-all px-2 py-1.5 font-mono text-xs">
                {r.onchain ?? "—"}
                {differs && <span className={`ml-2 font-sans ${toneStyles.amber.text}`}>differs</span>}
              </td>
            </tr>
          );
        })}
        {chainOnly(onchain).map(([label, value]) => (
          <tr key={label}>
            <th scope="row" className="px-2 py-1.5 text-left font-medium">
              {label}
            </th>
            <td className="px-2 py-1.5 text-stone-400">—</td>
            <td className="break-all px-2 py-1.5 font-mono text-xs">{value}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
