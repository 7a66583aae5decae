// Zod's default words for the two issues people meet most, said as a form would: a missing field
// "is required", a wrong kind of value "must be a …". Imported once by the shared schema helpers.
import { z } from "zod";

z.config({
  customError: (issue) => {
    if (issue.code !== "invalid_type") return undefined;
    if (issue.input === undefined || issue.input === "") return "is required";
    return `must be ${issue.expected === "string" ? "text" : `a ${issue.expected}`}`;
  },
});
