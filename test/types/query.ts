// Compile-time tests of Model.query / Model.scan: builder chaining keeps the builder's type, exec()
// resolves with item arrays (or counts after count()), and iteration yields items.
import type { QueryCommandInput, ScanCommandInput } from "@aws-sdk/client-dynamodb";
import {
  Condition,
  model,
  type ModelItem,
  type ModelType,
  type ParallelLastKey,
  type Query,
  type QueryCount,
  type QueryResponse,
  type Scan,
  type ScanCount,
  type ScanResponse,
} from "dynamodel";
import type { Equal, Expect } from "./assert";

const Cat = model("TypesCat", {
  owner: { type: String, hashKey: true },
  name: { type: String, rangeKey: true },
  born: { type: Date, index: { name: "byBorn" } },
  tags: { type: Set, schema: [String] },
});
type CatItem = InstanceType<typeof Cat>;

// Every chain method returns the same builder type.
const query = Cat.query("owner")
  .eq("ann")
  .where("born")
  .gt(new Date(0))
  .and()
  .group((c) => c.where("tags").contains("x"));
type _query = Expect<Equal<typeof query, ReturnType<typeof Cat.query>>>;
type _queryItems = Expect<
  Equal<typeof query extends Query<infer T, infer _R, infer _P, infer _X> ? T : never, CatItem>
>;
const scan = Cat.scan({ born: { exists: true } })
  .where("name")
  .not()
  .eq("T")
  .where("name")
  .beginsWith("T")
  .parallel(2)
  .limit(10)
  .all(0, 5);
type _scan = Expect<Equal<typeof scan, ReturnType<typeof Cat.scan>>>;
type _scanItems = Expect<
  Equal<typeof scan extends Scan<infer T, infer _R, infer _P, infer _X> ? T : never, CatItem>
>;
Cat.query(new Condition("owner").eq("ann"))
  .sort("descending")
  .consistent()
  .using("byBorn")
  .attributes(["name", "tags"]);

// Names are checked against the schema.
// @ts-expect-error: "colour" is not an attribute
void Cat.scan().where("colour");
// using() offers the declared index names and accepts any other (an index the schema does not declare:
// scanned, or queried with a raw key condition).
type DeclaredNames<P> = P extends string ? (string extends P ? never : P) : never;
type _offered = Expect<Equal<DeclaredNames<Parameters<typeof query.using>[0]>, "byBorn">>;
void Cat.query("owner").eq("ann").using("byName");
void Cat.scan().using("byName");
// @ts-expect-error: an index name is a string
void Cat.scan().using(5);
// With no index declared, any name (it used to be `never`, so this did not compile).
const Plain = model("TypesPlainCat", { id: { type: String, hashKey: true }, name: String });
void Plain.query("name").eq("Will").using("name-index");
void Plain.scan().using("name-index");
void Plain.query({
  FilterExpression: "#n = :n",
  ExpressionAttributeNames: { "#n": "name" },
  ExpressionAttributeValues: { ":n": "Will" },
}).using("name-index");
type _plainOffered = Expect<
  Equal<DeclaredNames<Parameters<ReturnType<typeof Plain.scan>["using"]>[0]>, never>
>;
// @ts-expect-error: "nme" is not an attribute path
void Cat.scan().attributes(["nme"]);
// @ts-expect-error: the init string names an attribute
void Cat.query("ownr");
// The object form's keys are names and paths of the schema too.
void Cat.query({ owner: "ann", born: { gt: new Date(0) } });
void Cat.scan({ tags: { contains: "x" }, name: { beginsWith: "T" } });
// @ts-expect-error: "colour" is not an attribute
void Cat.scan({ colour: "black" });
// @ts-expect-error: "ownr" is not an attribute
void Cat.query({ ownr: "ann" });
// A model whose item type is not known takes any name.
declare const Wide: ModelType;
void Wide.scan({ anything: { exists: true } });

// exec() resolves with result arrays of items; count() switches to counts.
const executed = query.exec();
type _queryResult = Expect<Equal<typeof executed, Promise<QueryResponse<CatItem>>>>;
declare const page: QueryResponse<CatItem>;
const first: CatItem | undefined = page[0];
const born: Date | undefined = first?.born;
const lastKey: Record<string, unknown> | undefined = page.lastKey;
const counts: [number, number, number, number] = [
  page.count,
  page.queriedCount,
  page.scannedCount,
  page.timesQueried,
];
declare const scanned: ScanResponse<ModelItem<{ id: string }>>;
const scanKey: Record<string, unknown> | ParallelLastKey | undefined = scanned.lastKey;
const scannedCounts: [number, number] = [scanned.scannedCount, scanned.timesScanned];
const queryCount: Promise<QueryCount> = Cat.query("owner").eq("ann").count().exec();
const scanCount: Promise<ScanCount> = Cat.scan().count().exec();
// A second count() turns it off again (as in Dynamoose), and the type follows.
const countedTwice = Cat.scan().count().count();
type _countedTwice = Expect<
  Equal<
    typeof countedTwice extends Scan<infer _T, infer R, infer _P, infer _X> ? R : never,
    ScanResponse<CatItem>
  >
>;
const queryCountedTwice = Cat.query("owner").eq("ann").count().count();
type _queryCountedTwice = Expect<
  Equal<
    typeof queryCountedTwice extends Query<infer _T, infer R, infer _P, infer _X> ? R : never,
    QueryResponse<CatItem>
  >
>;
const countedThrice: Promise<QueryCount> = Cat.query("owner").eq("ann").count().count().count().exec();
void countedThrice;
const viaCallback: undefined = Cat.scan().exec((error, result) => void [error, result?.length]);
const request: Promise<QueryCommandInput> = query.getRequest();
const scanRequest: Promise<ScanCommandInput> = scan.getRequest();

// Iteration yields items; pages() yields result arrays.
async function iterate(): Promise<void> {
  for await (const cat of Cat.query("owner").eq("ann")) {
    type _item = Expect<Equal<typeof cat, CatItem>>;
  }
  for await (const chunk of Cat.scan().pages()) {
    type _page = Expect<Equal<typeof chunk, ScanResponse<CatItem>>>;
  }
}

// @ts-expect-error: sort() is for queries only
Cat.scan().sort("descending");
// @ts-expect-error: parallel() is for scans only
Cat.query("owner").eq("ann").parallel(2);
// @ts-expect-error: the sort order is "ascending" or "descending"
Cat.query("owner").eq("ann").sort("up");

void [
  born,
  lastKey,
  counts,
  scanKey,
  scannedCounts,
  queryCount,
  scanCount,
  viaCallback,
  request,
  scanRequest,
  iterate,
];

// attributes() narrows the item type to the attributes the paths name.
const projected = Cat.query("owner").eq("ann").attributes(["name", "tags"]).exec();
type ProjectedItem = Awaited<typeof projected>[number];
type _projectedName = Expect<Equal<ProjectedItem["name"], string>>;
type _projectedTags = Expect<Equal<ProjectedItem["tags"], Set<string> | undefined>>;
// @ts-expect-error: "born" was not projected
type _notProjected = ProjectedItem["born"];
// A path by an aliased attribute's real name: read under the alias, which the item type cannot map back
// from the path, so the other attributes stay, optional (not an item with no attributes).
const Nick = model("TypesNick", { id: { type: String, hashKey: true }, nick: { type: String, alias: "nk" } });
const byRealName = Nick.scan().attributes(["nick"]).exec();
type ByRealName = Awaited<typeof byRealName>[number];
type _byRealName = Expect<Equal<ByRealName["nk"], string | undefined>>;
const byAlias = Nick.scan().attributes(["nk"]).exec();
// @ts-expect-error: projected by the alias itself, the item type knows that id was not read
type _byAliasNarrows = Awaited<typeof byAlias>[number]["id"];
const projectedCount: Promise<QueryCount> = Cat.query("owner").eq("ann").count().attributes(["name"]).exec();
void projectedCount;

// A result's populate() resolves with the result itself, or takes a callback and returns undefined.
export async function resultPopulate(): Promise<void> {
  const cats = await Cat.scan().exec();
  const populated = await cats.populate();
  type _Resolves = Expect<Equal<typeof populated, typeof cats>>;
  const viaCallback = cats.populate((error, result) => void [error, result?.count]);
  type _CallbackForm = Expect<Equal<typeof viaCallback, undefined>>;
  const withSettings = cats.populate({ properties: "owner" }, () => undefined);
  type _SettingsAndCallback = Expect<Equal<typeof withSettings, undefined>>;
  const found = await Cat.batchGet([{ owner: "ann", name: "Tom" }]);
  const batchCallback = found.populate((error, result) => void [error, result?.unprocessedKeys]);
  type _BatchCallback = Expect<Equal<typeof batchCallback, undefined>>;
}

// get() and batchGet() check their `attributes` against the schema's paths too (the item keeps its type).
export async function readSettings(): Promise<void> {
  const cat = await Cat.get({ owner: "ann", name: "tom" }, { attributes: ["name", "tags"] });
  type _keepsType = Expect<Equal<typeof cat, CatItem | undefined>>;
  await Cat.batchGet([{ owner: "ann", name: "tom" }], { attributes: ["born"], consistent: true });
  // @ts-expect-error: "bogus" is no attribute path
  await Cat.get({ owner: "ann", name: "tom" }, { attributes: ["bogus"] });
  // @ts-expect-error: in batchGet too
  await Cat.batchGet([{ owner: "ann", name: "tom" }], { attributes: ["bogus"] });
}

// between() also takes a spread pair, as Dynamoose types it (`between(...values)`).
const ageRange: number[] = [1, 5];
void Cat.scan("born").between(...ageRange);
void new Condition("born").between(...ageRange);

// group() and parenthesis() callbacks: the fresh condition checks names as where() does, at every step.
const Grouped = model("TypesGrouped", { id: { type: String, hashKey: true }, name: String, age: Number });
void Grouped.query("id")
  .eq("u")
  .and()
  .group((c) =>
    c
      .where("age")
      .lt(2)
      .or()
      .where("age")
      .between(9, 12)
      .and()
      .group((d) => d.where("name").exists()),
  );
// @ts-expect-error: "nmae" is no attribute
void Grouped.scan().group((c) => c.where("nmae").eq("Ann"));
// @ts-expect-error: nor "nope", through parenthesis()
void Grouped.scan().parenthesis((c) => c.where("nope").eq(1));
// @ts-expect-error: checked after the first step too
void Grouped.scan().group((c) => c.where("name").eq(1).or().filter("nope").eq(2));
void Grouped.scan().group(new Condition("anything").eq(1)); // a Condition made apart is not checked
// A callback annotated with the public Condition type, as Dynamoose's typed code writes it, still compiles
// (its names are then the Condition's: not checked).
const young = (c: Condition) => c.where("age").lt(2);
void Grouped.scan().group(young);
void Grouped.query("id")
  .eq("a")
  .and()
  .group((c: Condition) => c.where("age").gt(9));
void Grouped.scan().group(() => new Condition("age").lt(2));
// The fresh condition is a Condition: it can be handed to helpers typed with the public Condition.
void Grouped.scan().group((c) => young(c));
void Grouped.scan().group((c) => {
  const named: Condition = c.where("age");
  return named.eq(1);
});
const nested = Grouped.scan().group((c) =>
  c
    .where("age")
    .eq(1)
    .and()
    // @ts-expect-error: still checked inside a nested group
    .group((d) => d.where("nope").eq(2)),
);
void nested;
