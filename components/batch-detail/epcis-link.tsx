// The batch's history as a GS1 EPCIS 2.0 file (GET /api/batches/{id}/epcis), for buyers' systems.
import { buttonClass } from "@/components/ui/button";

export function EpcisLink({ batchId }: { batchId: number }) {
  return (
    <a
      className={buttonClass({ size: "sm" })}
      href={`/api/batches/${batchId}/epcis`}
      download
      title="The batch's history as a GS1 EPCIS 2.0 JSON-LD document"
    >
      Download EPCIS
    </a>
  );
}
