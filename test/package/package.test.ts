// The built package: both entry points in both module formats, loadable as users load them,
// with types that @arethetypeswrong/cli accepts. `npm test` builds dist/ before jest runs.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { join } from "node:path";
import { scratchDirectory } from "../support/scratch-directory";

const root = join(__dirname, "../..");

describe("dist/", () => {
  it.each(["index", "local"])("holds ESM, CommonJS and declarations for %s", (entry) => {
    for (const extension of ["mjs", "cjs", "d.mts", "d.cts"]) {
      expect(existsSync(join(root, "dist", `${entry}.${extension}`))).toBe(true);
    }
  });

  it("holds Dynamoose's import paths (dynamodel/dist/Item, …/General …) for require, import and types", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const subpath of [
      "Item",
      "Schema",
      "General",
      "ItemRetriever",
      "Transaction",
      "Condition",
      "Model",
      "Table",
      "Error",
      "Instance",
    ]) {
      // Dynamoose has no exports map, so its ES module users write the file: "dynamoose/dist/Item.js".
      expect(Object.keys(pkg.exports)).toContain(`./dist/${subpath}`);
      expect(pkg.exports[`./dist/${subpath}.js`]).toEqual(pkg.exports[`./dist/${subpath}`]);
      for (const suffix of [".js", ".d.ts", ".mjs", "-node.mjs", ".d.mts"]) {
        expect(existsSync(join(root, "dist", `${subpath}${suffix}`))).toBe(true);
      }
    }
    // Directories in Dynamoose's build: "dynamoose/dist/Model/index.js".
    for (const subpath of ["Model", "Table"]) {
      for (const index of ["index", "index.js"]) {
        expect(pkg.exports[`./dist/${subpath}/${index}`]).toEqual(pkg.exports[`./dist/${subpath}`]);
      }
    }
  });

  it("declares only the three runtime dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      "@aws-sdk/client-dynamodb",
      "@aws-sdk/util-dynamodb",
      "eventemitter3",
    ]);
    expect(pkg.sideEffects).toBe(false);
  });
});

describe("loading the built package", () => {
  const node = (args: string[]) => execFileSync("node", args, { cwd: root, encoding: "utf8" }).trim();

  it("works with require()", () => {
    const out = node([
      "-e",
      `const d = require("dynamodel"); const l = require("dynamodel/local");
       console.log(typeof d.default, typeof d.ValidationError, typeof l.startLocal)`,
    ]);
    expect(out).toBe("object function function");
  });

  it("works with import()", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `const d = await import("dynamodel"); const l = await import("dynamodel/local");
       console.log(typeof d.default, typeof d.ValidationError, typeof l.startLocal)`,
    ]);
    expect(out).toBe("object function function");
  });
});

// Dynamoose's guide imports Item from "dynamoose/dist/Item"; with the package name changed, that path
// must give the main entry's own Item class, however it is loaded.
describe("dynamodel/dist/Item", () => {
  const node = (args: string[]) => execFileSync("node", args, { cwd: root, encoding: "utf8" }).trim();

  it("require() gives the main entry's Item", () => {
    const out = node([
      "-e",
      `const { Item } = require("dynamodel/dist/Item"); const d = require("dynamodel");
       console.log(typeof Item, Item === d.Item, Item === d.default.Item)`,
    ]);
    expect(out).toBe("function true true");
  });

  it("import gives the main entry's Item, the same as require()", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       import { Item } from "dynamodel/dist/Item";
       import dynamodel, { Item as MainItem } from "dynamodel";
       const required = createRequire(import.meta.url)("dynamodel/dist/Item");
       console.log(typeof Item, Item === MainItem, Item === dynamodel.Item, Item === required.Item)`,
    ]);
    expect(out).toBe("function true true true");
  });

  it("has Dynamoose's other paths, each giving the main entry's values, by require and import", () => {
    const names = {
      Item: ["Item", "AnyItem"],
      Schema: ["Schema", "IndexType"],
      General: ["SortOrder"],
      ItemRetriever: ["Query", "Scan"],
      Transaction: ["TransactionReturnOptions"],
      Condition: ["Condition"],
      Table: ["Table", "TableUpdateOptions"],
      "Table/index.js": ["Table", "TableUpdateOptions"],
      Instance: ["Instance"],
      "Item.js": ["Item", "AnyItem"],
      "Instance.js": ["Instance"],
    };
    const out = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       import * as main from "dynamodel";
       const require = createRequire(import.meta.url);
       const names = ${JSON.stringify(names)};
       const results = [];
       for (const [subpath, list] of Object.entries(names)) {
         const imported = await import("dynamodel/dist/" + subpath);
         const required = require("dynamodel/dist/" + subpath);
         for (const name of list) {
           results.push(imported[name] !== undefined && imported[name] === main[name] && required[name] === main[name]);
         }
       }
       console.log(results.every(Boolean), results.length, main.SortOrder.descending, main.IndexType.global)`,
    ]);
    expect(out).toBe("true 17 descending global");
  });

  it("has Dynamoose's dist/Error: a default object of the error classes (and each by name), by require and import", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       import * as main from "dynamodel";
       import DynamodelError, { ValidationError } from "dynamodel/dist/Error";
       const require = createRequire(import.meta.url);
       const required = require("dynamodel/dist/Error");
       const names = ["MissingSchemaError", "InvalidParameter", "InvalidParameterType", "UnknownAttribute",
         "InvalidType", "TypeMismatch", "ValidationError", "InvalidFilterComparison", "WaitForActiveTimeout",
         "OtherError", "TransactionCanceledError"];
       const same = names.every((name) => DynamodelError[name] === main[name] && required.default[name] === main[name]);
       console.log(same, ValidationError === main.ValidationError, required.ValidationError === main.ValidationError,
         "describeValue" in main, "describeValue" in main.default)`,
    ]);
    expect(out).toBe("true true true false false");
  });

  it("has Dynamoose's dist/Transaction default export: the transaction function, by require and import", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       import dynamodel, { TransactionReturnOptions } from "dynamodel";
       import transaction from "dynamodel/dist/Transaction";
       const require = createRequire(import.meta.url);
       const required = require("dynamodel/dist/Transaction");
       console.log(transaction === dynamodel.transaction, required.default === dynamodel.transaction,
         required.TransactionReturnOptions === TransactionReturnOptions)`,
    ]);
    expect(out).toBe("true true true");
  });

  it("is the class of every model's items", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `import { Item } from "dynamodel/dist/Item"; import dynamodel from "dynamodel";
       const CatModel = dynamodel.model("DistItemPackageCat", { id: Number, name: String });
       console.log(new CatModel({ id: 1, name: "Tom" }) instanceof Item)`,
    ]);
    expect(out).toBe("true");
  });
});

// Node's `import "dynamodel"` loads dist/index-node.mjs, the CommonJS build re-exported (package.json
// exports, condition "node-addons": Node sets it, bundlers do not). Node compiles the CommonJS build
// faster at cold start; bundlers keep the ES module build, which they can bundle without a require.
describe("how Node and bundlers load the package", () => {
  const nodeModule = (source: string) =>
    execFileSync("node", ["--input-type=module", "-e", source], { cwd: root, encoding: "utf8" }).trim();

  it("gives Node's import and require one and the same instance, through the CommonJS build", () => {
    const out = nodeModule(
      `import { createRequire } from "node:module";
       const imported = await import("dynamodel");
       const required = createRequire(import.meta.url)("dynamodel");
       console.log(import.meta.resolve("dynamodel").endsWith("/dist/index-node.mjs"),
         imported.default === required.default, imported.Schema === required.Schema,
         imported.ValidationError === required.ValidationError)`,
    );
    expect(out).toBe("true true true true");
  });

  it("exports in Node exactly what the ES module build exports", () => {
    const out = nodeModule(
      `const viaNode = await import("dynamodel");
       const esm = await import(${JSON.stringify(join(root, "dist", "index.mjs"))});
       console.log(JSON.stringify([Object.keys(viaNode), Object.keys(esm)]))`,
    );
    const [viaNode, esm] = JSON.parse(out) as [string[], string[]];
    expect(viaNode).toEqual(esm);
    expect(viaNode).toEqual(expect.arrayContaining(["default", "model", "Schema", "Condition", "type"]));
  });

  it("shares eventemitter3 with the user's own import of it", () => {
    const out = nodeModule(
      `import dynamodel from "dynamodel"; import { EventEmitter } from "eventemitter3";
       console.log(dynamodel.events instanceof EventEmitter)`,
    );
    expect(out).toBe("true");
  });

  it("is bundled by esbuild from the ES module build, eventemitter3 included, with no require left", async () => {
    // Resolved by name through package.json, as a user's bundle resolves it (from this repository,
    // tsconfig.json's paths would map "dynamodel" to lib/, so the bundle is built in a directory of its own).
    const directory = scratchDirectory("dynamodel-bundle-");
    mkdirSync(join(directory, "node_modules"));
    symlinkSync(root, join(directory, "node_modules", "dynamodel"), "dir");
    const result = await build({
      stdin: {
        contents: `import d from "dynamodel"; export const events = d.events;`,
        resolveDir: directory,
      },
      bundle: true,
      format: "esm",
      platform: "node",
      external: ["@aws-sdk/*"],
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith("dist/index.mjs"))).toBe(true);
    expect(inputs.some((input) => input.endsWith("dist/index.cjs") || input.endsWith("index-node.mjs"))).toBe(
      false,
    );
    expect(inputs.some((input) => input.endsWith("node_modules/eventemitter3/index.js"))).toBe(true);
    expect(result.outputFiles[0]!.text).not.toMatch(/createRequire|__require\("/);
  });

  it("keeps every error's name in a minified bundle (SPEC §8: names users match on)", async () => {
    const directory = scratchDirectory("dynamodel-minified-");
    mkdirSync(join(directory, "node_modules"));
    symlinkSync(root, join(directory, "node_modules", "dynamodel"), "dir");
    // The bundle runs from there: the SDK, left external, resolves through this.
    symlinkSync(join(root, "node_modules", "@aws-sdk"), join(directory, "node_modules", "@aws-sdk"), "dir");
    const names = [
      "InvalidParameter",
      "InvalidParameterType",
      "MissingSchemaError",
      "UnknownAttribute",
      "InvalidType",
      "TypeMismatch",
      "ValidationError",
      "InvalidFilterComparison",
      "WaitForActiveTimeout",
      "OtherError",
      "LockError",
      "TransactionCanceledError",
    ];
    const result = await build({
      stdin: {
        contents: `import * as d from "dynamodel";
          const names = ${JSON.stringify(names)};
          console.log(JSON.stringify(names.map((name) => [new d[name]("m").name, d[name].name])));
          try { d.default.model("NoSuchModel"); } catch (error) { console.log(error.name); }`,
        resolveDir: directory,
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      external: ["@aws-sdk/*"],
      write: false,
      logLevel: "silent",
    });
    const bundle = join(directory, "bundle.mjs");
    writeFileSync(bundle, result.outputFiles[0]!.text);
    const [pairs, thrown] = execFileSync("node", [bundle], { cwd: root, encoding: "utf8" })
      .trim()
      .split("\n");
    expect(JSON.parse(pairs!)).toEqual(names.map((name) => [name, name]));
    expect(thrown).toBe("MissingSchemaError");
  });
});

test("@arethetypeswrong/cli finds no problem in the packed package", () => {
  const directory = scratchDirectory("dynamodel-pack-");
  const tarball = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--silent", "--pack-destination", directory],
    {
      cwd: root,
      encoding: "utf8",
    },
  ).trim();
  const attw = spawnSync("npx", ["attw", join(directory, tarball), "--format", "table-flipped"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(`${attw.stdout}${attw.stderr}`).toContain("No problems found");
  expect(attw.status).toBe(0);
});

/**
 * Type-checks `source` as a consumer project's only file (`dynamodel` linked into its node_modules), strict
 * with NodeNext resolution plus `options`, and returns the errors in dynamodel's own declarations and in the
 * file: the AWS SDK's are not judged here.
 */
function consumerTypeErrors(
  type: "module" | "commonjs",
  file: string,
  source: string[],
  options: Record<string, unknown>,
): string[] {
  const compilerOptions = {
    module: "NodeNext",
    moduleResolution: "NodeNext",
    target: "ES2022",
    strict: true,
    noEmit: true,
    ...options,
  };
  const directory = scratchDirectory("dynamodel-types-");
  mkdirSync(join(directory, "node_modules"));
  symlinkSync(root, join(directory, "node_modules", "dynamodel"), "dir");
  writeFileSync(join(directory, "package.json"), JSON.stringify({ type }));
  writeFileSync(join(directory, file), source.join("\n"));
  writeFileSync(join(directory, "tsconfig.json"), JSON.stringify({ compilerOptions, files: [file] }));
  const tsc = spawnSync(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "."],
    {
      cwd: directory,
      encoding: "utf8",
    },
  );
  return `${tsc.stdout}${tsc.stderr}`
    .split("\n")
    .filter((line) => line.includes("error TS") && !/node_modules\/@(aws-sdk|smithy)/.test(line));
}

// A strict consumer: NodeNext resolution and skipLibCheck off, so every line of dist/*.d.mts and
// dist/*.d.cts is checked as a user's compiler checks it (the repository's own tsconfig skips them).
describe.each([
  ["module", "consumer.ts"],
  ["commonjs", "consumer.cts"],
])('declarations type-check in a NodeNext project of "type": "%s"', (type, file) => {
  it("with skipLibCheck off", () => {
    const source = [
      'import dynamodel from "dynamodel";',
      'import { Item, AnyItem } from "dynamodel/dist/Item";',
      'import { IndexType } from "dynamodel/dist/Schema";',
      'import { SortOrder, type ObjectType, type ModelType } from "dynamodel/dist/General";',
      'import type { Query, QueryResponse } from "dynamodel/dist/ItemRetriever";',
      'import transaction, { TransactionReturnOptions } from "dynamodel/dist/Transaction";',
      "export const sameTransaction: typeof dynamodel.transaction = transaction;",
      // NestJS code types injected models with Dynamoose's Model<T> from "dynamoose/dist/Model".
      'import type { Model, ModelTableOptions } from "dynamodel/dist/Model";',
      'import { Table, type TableOptionsOptional } from "dynamodel/dist/Table";',
      'import DynamodelErrors from "dynamodel/dist/Error";',
      "export const isValidation = (error: unknown) => error instanceof DynamodelErrors.ValidationError;",
      'export const loose: Promise<AnyItem | undefined> = dynamodel.model("Loose").get(1);',
      "export const enums = [IndexType.global, SortOrder.ascending, TransactionReturnOptions.items] as const;",
      "export type Names = [ObjectType, ModelType, Query<Item>, QueryResponse<Item>];",
      'const Cat = dynamodel.model("Cat", { id: Number, name: String });',
      'Cat.on("save", () => undefined);',
      'dynamodel.events.on("request", () => undefined);',
      "export const found = Cat.get(1);",
      // Dynamoose's TypeScript example, with "dynamoose/dist/Item" changed to "dynamodel/dist/Item".
      "class Dog extends Item { id!: number; name!: string; }",
      'const DogModel = dynamodel.model<Dog>("Dog", { id: Number, name: String });',
      "export const dog: Promise<Dog | undefined> = DogModel.get(1);",
      "export const same: typeof dynamodel.Item = Item;",
      "export const injected: Model<Dog> = DogModel;",
      'export const options: ModelTableOptions & TableOptionsOptional = { create: false, tableName: "Dogs" };',
      "export const SameTable: typeof dynamodel.Table = Table;",
      // The same paths with the file's extension, as Dynamoose's ES module users write them, and more names.
      'import type { FunctionType, DeepPartial, ItemArray } from "dynamodel/dist/General.js";',
      'import type { ItemSaveSettings } from "dynamodel/dist/Item.js";',
      'import type { ConditionInitializer } from "dynamodel/dist/Condition.js";',
      'import type { TransactionSettings } from "dynamodel/dist/Transaction.js";',
      'import { TableUpdateOptions } from "dynamodel/dist/Table/index.js";',
      'import type { Model as IndexModel } from "dynamodel/dist/Model/index.js";',
      'import { Instance } from "dynamodel/dist/Instance.js";',
      "export const updates = [TableUpdateOptions.ttl, TableUpdateOptions.indexes] as const;",
      "export type More = [FunctionType, DeepPartial<Dog>, ItemSaveSettings, ConditionInitializer];",
      "export const settings: TransactionSettings = { return: TransactionReturnOptions.request };",
      "export const indexModel: IndexModel<Dog> = DogModel;",
      "export const scanned: Promise<ItemArray<Dog>> = DogModel.scan().exec();",
      "export const batch: Promise<ItemArray<Dog>> = DogModel.batchGet([1]);",
      "export const instance = new Instance();",
    ];
    const options = {
      skipLibCheck: false,
      typeRoots: [join(root, "node_modules", "@types")],
      types: ["node"],
    };
    expect(consumerTypeErrors(type as "module" | "commonjs", file, source, options)).toEqual([]);
  });
});

// `tsc --init` writes `"types": []`: Node's types are then not loaded, even when installed. The item types
// must not depend on them (a Buffer type that does not resolve made Object, Array and Set attributes `any`).
describe("declarations without Node's types", () => {
  it.each([true, false])("infer Object, Array and Set attributes (skipLibCheck %p)", (skipLibCheck) => {
    const source = [
      'import dynamodel from "dynamodel";',
      'const Cat = dynamodel.model("Cat", {',
      "  id: Number,",
      "  tags: { type: Set, schema: [String] },",
      "  address: { type: Object, schema: { city: String } },",
      "  scores: { type: Array, schema: [Number] },",
      '  photo: "Buffer",',
      "});",
      "export async function read(): Promise<void> {",
      "  const cat = await Cat.get(1);",
      "  if (cat === undefined) return;",
      "  const city: string | undefined = cat.address?.city;",
      "  const tags: Set<string> | undefined = cat.tags;",
      "  const scores: number[] | undefined = cat.scores;",
      "  const photo: Uint8Array | undefined = cat.photo;",
      // Were these `any` (or an unresolved type), the lines below would compile and the directives fail.
      "  // @ts-expect-error: a Set, not a number",
      "  const notTags: number = cat.tags;",
      "  // @ts-expect-error: an object, not a number",
      "  const notAddress: number = cat.address;",
      "  // @ts-expect-error: a list, not a number",
      "  const notScores: number = cat.scores;",
      "  // @ts-expect-error: bytes, not a number",
      "  const notPhoto: number = cat.photo;",
      "  void [city, tags, scores, photo, notTags, notAddress, notScores, notPhoto];",
      "}",
    ];
    expect(consumerTypeErrors("module", "consumer.ts", source, { skipLibCheck, types: [] })).toEqual([]);
  });
});
