// The batch's verification requests, newest first: who asked, what was counted against what, and the decision.
import { Row, Table, TableHead } from "@/components/ui/table";
import { DecisionCell, RequestedCell, RequestFigureCells } from "@/components/verification/request-cells";
import type { RequestJson } from "@/lib/verification/requests";

export function RequestHistory({ requests }: { requests: RequestJson[] }) {
  return (
    <Table isFramed={false}>
      <TableHead
        columns={["Requested", "Status", "Off chain (kg)", "On chain (kg)", "Counted (kg)", "Discrepancy", "Decision"]}
      />
      <tbody>
        {requests.map((r) => (
          <Row key={r.id} data-testid="verification-request" data-status={r.status}>
            <RequestedCell r={r} hasNotes />
            <RequestFigureCells r={r} isDetailed />
            <DecisionCell r={r} />
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
