// The monitoring agent's detectors: each one's rule and threshold, when it last ran, what it found
// (with the figures) or the error it stopped on.
import { Card } from "@/components/ui/card";
import { cellClass, Row, Table, TableHead } from "@/components/ui/table";
import { formatWhen } from "@/components/verification/display";
import { getDb } from "@/lib/db/server";
import { humanize } from "@/lib/format";
import { listDetectorStates } from "@/lib/monitoring/states";

const line = (e: Record<string, unknown>) =>
  Object.entries(e)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");

export async function DetectorsPanel() {
  const detectors = await listDetectorStates(getDb());
  return (
    <Card title="Detectors" id="detectors">
      <Table isFramed={false} label="Detectors" testId="detectors">
        <TableHead columns={["Detector", "Rule", "Threshold", "Last run", "Findings", "Evidence or error"]} />
        <tbody>
          {detectors.map((d) => (
            <Row key={d.name} data-detector={d.name}>
              <td className={`${cellClass} whitespace-nowrap`}>{humanize(d.name)}</td>
              <td className={`${cellClass} text-xs`}>{d.rule}</td>
              <td className={`${cellClass} font-mono text-xs`}>{d.threshold}</td>
              <td className={`${cellClass} whitespace-nowrap text-xs`}>
                {d.last_run_at ? formatWhen(d.last_run_at) : "never"}
              </td>
              <td className={cellClass}>{d.findings ?? "—"}</td>
              <td className={`${cellClass} font-mono text-xs`}>
                {d.error ? (
                  <span className="text-red-700 dark:text-red-400">Error: {d.error}</span>
                ) : (
                  d.evidence.slice(0, 5).map((e, i) => <div key={i}>{line(e)}</div>)
                )}
              </td>
            </Row>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
