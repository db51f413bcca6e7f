// The bench measures dynamodel as users run it: the built package (dist/), not lib/ through tsx.
// tsx transpiles with esbuild's keepNames, which wraps every named closure in a __name() call at
// creation; that costs dynamodel (and no peer, they come from node_modules) several µs per operation.
// Types still come from the sources, so the adapters type-check against lib/. Run `npm run build`
// first (`npm run bench` does it when lib/ is newer than dist/).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type * as Dynamodel from "dynamodel";

const entry = join(__dirname, "..", "..", "dist", "index.cjs");
if (!existsSync(entry)) throw new Error("dist/ is missing: run `npm run build` before the benchmark");

const built = require(entry) as typeof Dynamodel;

export default built.default;
export const { Schema } = built;
