import { describe, expect, it } from "vitest";

import { decodeCursor, pageByIdDesc } from "@/lib/api/cursor";

const rows = [{ id: 9 }, { id: 7 }, { id: 4 }];
const toJson = (r: { id: number }) => ({ id: r.id, json: true });

describe("pageByIdDesc", () => {
  it("answers `limit` rows and a cursor that reads back as the last one's id when one more was read", () => {
    const page = pageByIdDesc(rows, 2, (r) => r.id, toJson);
    expect(page.data).toEqual([toJson(rows[0]), toJson(rows[1])]);
    expect(decodeCursor(page.next_cursor!, "id", "desc")).toEqual({ sort: "id", order: "desc", value: "7", id: 7 });
  });

  it("has no next page when no more than `limit` rows were read", () => {
    expect(pageByIdDesc(rows, 3, (r) => r.id, toJson)).toEqual({ data: rows.map(toJson), next_cursor: null });
    expect(pageByIdDesc([], 3, (r: { id: number }) => r.id, toJson)).toEqual({ data: [], next_cursor: null });
  });
});

describe("decodeCursor", () => {
  const forged = (value: string) => Buffer.from(JSON.stringify(["id", "desc", value, 1])).toString("base64url");

  it("refuses a forged cursor whose value Postgres could not take, as a validation error", () => {
    for (const value of ["a\u0000b", "a\uD800b"])
      expect(() => decodeCursor(forged(value), "id", "desc")).toThrow(/is not a cursor this API issued/);
    expect(decodeCursor(forged("7"), "id", "desc").value).toBe("7");
  });
});
