// The repository's TypeScript sources as text, for tests that read how the code is put together.
import { readdirSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** Every .ts and .tsx file under `dir` (relative to the repository), as a repository path. */
export const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );

/** An import specifier of `file` as a repository path (no extension), or null for a package. */
export const targetOf = (file: string, specifier: string): string | null =>
  specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(file), specifier)
      : null;
