// The requests bench:api times: the list with each filter alone, each sort both ways, a text
// search matching about 20,000 of a million batches and a rare filter whose matches sit at the far
// end of its sort; and each analytics chart.
import { chartIds } from "../../lib/analytics/schemas";
import { encodeCursor } from "../../lib/api/cursor";
import { sortColumns } from "../../lib/batches/schemas";

const list = (query: string) => `/api/batches?limit=25&${query}`;

/** The middle of the table, as a cursor for `sort=id&order=desc`: as deep as a page can be. */
const deepCursor = (batches: number) => {
  const id = Math.floor(batches / 2);
  return encodeCursor({ sort: "id", order: "desc", value: String(id), id });
};

// One value per filter, the newest-first sort: where a value is rare or sits among old batches, that one.
const filters = {
  status: "status=expired",
  verification_status: "verification_status=failed",
  sync_status: "sync_status=error",
  process: "process=anaerobic",
  quality_grade: "quality_grade=below_standard",
  risk_level: "risk_level=critical",
  expiry_window: "expiry_window=30",
  origin_country: "origin_country=Panama",
  warehouse: "warehouse=Hamburg%20Port",
  eudr_ready: "eudr_ready=yes",
};

export const listCases = (batches: number): Record<string, string> => ({
  list_first_page: list(""),
  list_deep_page: list(`cursor=${deepCursor(batches)}`),
  list_origin_status: list("origin_country=Ethiopia&status=active,verified"),
  list_grade_risk_by_quantity: list("quality_grade=specialty,premium&risk_level=low&sort=quantity_kg&order=desc"),
  list_expiring_washed_by_expiry: list("expiry_window=90&process=washed&sort=expiry_date&order=asc"),
  ...Object.fromEntries(Object.entries(filters).map(([name, query]) => [`filter_${name}`, list(query)])),
  ...Object.fromEntries(
    sortColumns.flatMap((column) =>
      (["asc", "desc"] as const)
        .filter((order) => column !== "id" || order === "asc")
        .map((order) => [`sort_${column}_${order}`, list(`sort=${column}&order=${order}`)]),
    ),
  ),
  search_20k_matches: list("q=nyeri"),
  search_9k_matches: list("q=konga"),
  search_one_match: list("q=SCL-ETH-0000777"),
  rare_filter_far_end: list("verification_status=verified&sort=expiry_date&order=asc"),
  dashboard_metrics: "/api/dashboard/metrics",
});

/** Each chart alone over the default range (the 90 days up to today), and the whole page's read. */
export const chartCases = (): Record<string, string> => ({
  ...Object.fromEntries(chartIds.map((id) => [`chart_${id}`, `/api/analytics?chart=${id}`])),
  analytics_all_charts: "/api/analytics",
});
