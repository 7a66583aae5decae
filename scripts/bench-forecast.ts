// npm run bench:forecast [-- N]: the stock forecast's backtest on the demo's past. Mints N demo
// batches (default 240) over 24 months of chain time on a fresh stack, indexes them and refreshes
// the rollups as the worker does; then, for each origin, fits Holt's method (lib/analytics/forecast)
// on the year before a cut-off 90 days ago, forecasts the 90 days after it, and compares with what
// the stock was. Prints the errors as JSON, beside a naive forecast (the cut-off's stock held flat).
import { operatorAccount, producerAccounts } from "@/lib/chain/dev-accounts";

import { chooseHolt, forecastHolt } from "../lib/analytics/forecast";
import { refreshAnalytics } from "../lib/analytics/refresh";
import { listDailyStockByOrigin } from "../lib/analytics/stock";
import { indexToHead } from "../lib/events/indexer";
import { withBenchStack } from "./lib/bench-stack";
import { demoHistory, historyDays } from "./lib/demo-history";
import { mintDemoHistory } from "./lib/mint";

const count = Number(process.argv[2] ?? 240);
const heldOutDays = 90;
const fitDays = 365;
const log = (line: string) => console.error(`[bench] ${line}`);

/** Mean absolute percentage error over the days whose actual stock is not zero; null when none is. */
function mape(actual: number[], predicted: number[]): number | null {
  const errors = actual.flatMap((a, i) => (a === 0 ? [] : [Math.abs((a - predicted[i]) / a)]));
  return errors.length ? (100 * errors.reduce((s, e) => s + e, 0)) / errors.length : null;
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

const now = new Date();
await withBenchStack(
  async ({ db, client, rpcUrl, deployment }) => {
    const address = deployment.batchToken.address as `0x${string}`;
    log(`minting ${count} demo batches over ${historyDays} days of chain time…`);
    await mintDemoHistory(
      { client, rpcUrl, address },
      operatorAccount,
      producerAccounts,
      demoHistory(count, now),
      0,
      log,
    );
    const deployBlock = BigInt(deployment.batchToken.deployBlock);
    await indexToHead({ db, client, chainId: 31337, address, deployBlock, blockRange: 2_000 });
    await refreshAnalytics(db);
    const today = now.toISOString().slice(0, 10);
    const series = await listDailyStockByOrigin(db, { from: today, to: today });

    const origins = [...series].flatMap(([origin, { days, grams }]) => {
      const kg = grams.map((g) => Number(g) / 1000);
      const cut = kg.length - heldOutDays;
      if (cut < fitDays) return [];
      const fit = chooseHolt(kg.slice(cut - fitDays, cut));
      const predicted = forecastHolt(fit, heldOutDays).map((p) => p.mean);
      const actual = kg.slice(cut);
      const flat = actual.map(() => kg[cut - 1]);
      return [
        {
          origin,
          cut_off: days[cut - 1],
          alpha: fit.alpha,
          beta: fit.beta,
          mape_30d_pct: round1(mape(actual.slice(0, 30), predicted.slice(0, 30))),
          mape_90d_pct: round1(mape(actual, predicted)),
          naive_mape_30d_pct: round1(mape(actual.slice(0, 30), flat.slice(0, 30))),
          naive_mape_90d_pct: round1(mape(actual, flat)),
        },
      ];
    });
    const overall = (key: "mape_30d_pct" | "mape_90d_pct" | "naive_mape_30d_pct" | "naive_mape_90d_pct") =>
      round1(mean(origins.flatMap((o) => (o[key] === null ? [] : [o[key]!]))));
    console.log(
      JSON.stringify(
        {
          batches: count,
          history_days: historyDays,
          fit_days: fitDays,
          held_out_days: heldOutDays,
          origins_backtested: origins.length,
          mean_mape_30d_pct: overall("mape_30d_pct"),
          mean_mape_90d_pct: overall("mape_90d_pct"),
          naive_mean_mape_30d_pct: overall("naive_mape_30d_pct"),
          naive_mean_mape_90d_pct: overall("naive_mape_90d_pct"),
          origins,
        },
        null,
        2,
      ),
    );
  },
  { startTime: Math.floor(now.getTime() / 1000) - (historyDays + 2) * 86_400 },
);
