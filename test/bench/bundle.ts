// Bundle size: esbuild (bundled, minified, ESM, for node) of a minimal "define a model and get" file
// importing each library's published build, with the AWS SDK packages external, then gzipped.
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";

const root = join(__dirname, "..", "..");

/** Entry files by library: each defines a model like the bench's and gets one item. */
const entries: Record<string, string> = {
  dynamodel: `import dynamodel from ${JSON.stringify(join(root, "dist", "index.mjs"))};
const User = dynamodel.model("User", { id: String, name: String, age: Number }, { create: false });
export const get = (id) => User.get(id);`,
  "DocumentClient (raw SDK: 0 B of its own)": `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const get = (id) => client.send(new GetCommand({ TableName: "User", Key: { id } }));`,
  "dynamodb-toolbox": `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Table, Entity, item, string, number, GetItemCommand } from "dynamodb-toolbox";
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const table = new Table({ name: "User", partitionKey: { name: "id", type: "string" }, documentClient });
const User = new Entity({ name: "User", table, schema: item({ id: string().key(), name: string(), age: number() }) });
export const get = (id) => User.build(GetItemCommand).key({ id }).send();`,
  ElectroDB: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Entity } from "electrodb";
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const User = new Entity({ model: { entity: "user", version: "1", service: "s" },
  attributes: { id: { type: "string" }, name: { type: "string" }, age: { type: "number" } },
  indexes: { primary: { pk: { field: "id", composite: ["id"] } } } }, { table: "User", client });
export const get = (id) => User.get({ id }).go();`,
  Dynamoose: `import dynamoose from "dynamoose";
const User = dynamoose.model("User", { id: String, name: String, age: Number }, { create: false });
export const get = (id) => User.get(id);`,
};

export interface BundleSize {
  library: string;
  minified: number;
  gzipped: number;
}

export async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const [library, contents] of Object.entries(entries)) {
    const result = await build({
      stdin: { contents, resolveDir: root, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      target: "node20",
      external: ["@aws-sdk/*", "@smithy/*"],
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    sizes.push({ library, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength });
  }
  return sizes;
}

export function formatBundles(sizes: BundleSize[]): string {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const lines = ["| library | min | min+gzip |", "| --- | ---: | ---: |"];
  for (const size of sizes) lines.push(`| ${size.library} | ${kB(size.minified)} | ${kB(size.gzipped)} |`);
  const ours = sizes.find((size) => size.library === "dynamodel")!;
  lines.push(
    "",
    `dynamodel: ${kB(ours.gzipped)} min+gzip (budget ≤ 25 kB: ${ours.gzipped <= 25_000 ? "met" : "MISSED"})`,
  );
  return lines.join("\n");
}

if (require.main === module) {
  measureBundles()
    .then((sizes) => {
      console.log("### Bundle size (define a model and get; AWS SDK external)\n");
      console.log(formatBundles(sizes));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
