// One POST to our API from the browser, with the status kept, so a caller can tell a 409 from a 400.
export type PostResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; details?: unknown };

export async function postJson<T>(url: string, body?: unknown): Promise<PostResult<T>> {
  try {
    const res = await fetch(url, { method: "POST", headers: body ? { "content-type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, status: res.status, message: json?.error?.message ?? `Request failed (${res.status}).`, details: json?.error?.details };
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, status: 0, message: "The server could not be reached." };
  }
}
