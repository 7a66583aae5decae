// Compiles the contracts and writes their ABIs as typed constants to lib/chain/abi.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";

import { renderAbiModule } from "./lib/abi-module";
import { compileContracts } from "./lib/contracts";

const target = path.resolve(import.meta.dirname, "../lib/chain/abi.ts");
writeFileSync(target, renderAbiModule(compileContracts()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
