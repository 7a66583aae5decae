// How return values read on screen: reasons, dispositions and settlements in plain words.
import type { dispositions, returnReasons, settlements } from "@/lib/db/enums";

type Reason = (typeof returnReasons)[number];
type Disposition = (typeof dispositions)[number];
type Settlement = (typeof settlements)[number];

export const reasonLabels: Record<Reason, string> = {
  quality_below_contract: "Quality below contract",
  moisture: "Moisture",
  transit_damage: "Transit damage",
  wrong_lot: "Wrong lot",
  contamination: "Contamination",
};

export const dispositionLabels: Record<Disposition, string> = {
  resell: "Resell",
  downgrade: "Downgrade",
  blend: "Blend",
  return_to_producer: "Return to producer",
  destroy: "Destroy",
};

export const settlementLabels: Record<Settlement, string> = {
  refund: "Refund",
  replacement: "Replacement",
  none: "None",
};
