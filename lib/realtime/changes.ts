// Which tables just changed, for live pages: Postgres LISTEN/NOTIFY by default (the migrations'
// triggers notify on commit), Supabase Realtime when SUPABASE_URL and its key are set. One
// connection per server process, shared by every open page; reconnects by itself.
import "server-only";

import { createClient } from "@supabase/supabase-js";
import pg from "pg";

import { getEnv } from "@/lib/env";

type Listener = (table: string) => void;

const channel = "batchtrail_changes";
/** Told to every subscriber after a reconnect: changes in the gap were not announced, so look again. */
export const anyTable = "*";

const state = globalThis as unknown as { batchtrailChanges?: { listeners: Set<Listener>; started: boolean } };

function emit(table: string) {
  for (const listener of state.batchtrailChanges!.listeners) listener(table);
}

function listenToPostgres(url: string) {
  let delay = 500;
  const connect = async () => {
    // keepAlive, so a connection that died silently is noticed and replaced.
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    let isRetrying = false;
    const retry = () => {
      if (isRetrying) return;
      isRetrying = true;
      client.removeAllListeners();
      client.on("error", () => {});
      client.end().catch(() => {});
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15_000);
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", (n) => emit(n.payload ?? anyTable));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
      delay = 500;
      emit(anyTable);
    } catch {
      retry();
    }
  };
  void connect();
}

function listenToSupabase(url: string, key: string) {
  createClient(url, key, { auth: { persistSession: false } })
    .channel(channel)
    .on("postgres_changes", { event: "*", schema: "public" }, (payload) => emit(payload.table))
    .subscribe((status) => {
      if (status === "SUBSCRIBED") emit(anyTable);
    });
}

/** Calls `listener` with a table's name after each committed change to it; returns the unsubscribe. */
export function onTableChange(listener: Listener): () => void {
  state.batchtrailChanges ??= { listeners: new Set(), started: false };
  const s = state.batchtrailChanges;
  s.listeners.add(listener);
  if (!s.started) {
    s.started = true;
    const env = getEnv();
    if (env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY)
      listenToSupabase(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY);
    else listenToPostgres(env.DATABASE_URL);
  }
  return () => s.listeners.delete(listener);
}
