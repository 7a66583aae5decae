// The EUDR pages' two views: the plots, and the due diligence statements.
import { ViewTabs } from "@/components/ui/view-tabs";

export function EudrTabs({ current }: { current: "plots" | "statements" }) {
  return (
    <ViewTabs
      label="EUDR"
      views={[
        { label: "Plots", href: "/eudr", isCurrent: current === "plots" },
        { label: "Statements", href: "/eudr/statements", isCurrent: current === "statements" },
      ]}
    />
  );
}
