// Writes chainlink/sources/*.js, one Chainlink Functions source per check, from chainlink/source.template.js.
import { writeFileSync } from "node:fs";
import path from "node:path";

import { checkTypes } from "../lib/db/enums";
import { renderSource, sourceFile } from "./lib/chainlink-sources";

for (const check of checkTypes) {
  writeFileSync(sourceFile(check), renderSource(check));
  console.log(`wrote ${path.relative(process.cwd(), sourceFile(check))}`);
}
