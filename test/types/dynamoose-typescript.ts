// TypeScript code written for Dynamoose keeps compiling with the package name changed (an audit compiled
// Dynamoose's own type tests and its guide's examples against dynamodel): its import paths and enum-like
// names, `AnyItem` models (name only, or `model<AnyItem>()`), `ModelType<T>` annotations, builders typed
// `Query<T>`, custom methods; and `model<T>()` update objects are checked against T, as Dynamoose checks them.
import { IndexType } from "dynamodel/dist/Schema";
import {
  SortOrder,
  type DeepPartial,
  type FunctionType,
  type ItemArray,
  type ModelType,
} from "dynamodel/dist/General";
import type { ConditionInitializer } from "dynamodel/dist/Condition";
import { TableUpdateOptions } from "dynamodel/dist/Table";
import type { Query } from "dynamodel/dist/ItemRetriever";
import { TransactionReturnOptions } from "dynamodel/dist/Transaction";
import { AnyItem, type ItemSaveSettings } from "dynamodel/dist/Item";
import dynamoose, { Item, model, Schema } from "dynamodel";

class User extends Item {
  id!: string;
  name!: string;
  age!: number;
  tags!: Set<string>;
  address!: { city: string };
  greet(): string {
    return "hi";
  }
}
const Users = model<User>("TypesUser", { id: String, name: String, age: Number });
const annotated: ModelType<User> = model<User>("TypesUser2", { id: String });
void annotated;
void Users.update({ id: "1" }, { name: "x" });
void Users.update({ id: "1" }, { $ADD: { age: 1 }, $SET: { name: "y" }, $REMOVE: ["address.city"] });
void Users.update({ id: "1" }, { "address.city": "Oslo" });
void Users.update({ id: "1" }, { $DELETE: { tags: ["a"] } });
// @ts-expect-error unknown attribute
void Users.update({ id: "1" }, { nmae: "x" });
// @ts-expect-error wrong type
void Users.update({ id: "1" }, { age: "old" });
// @ts-expect-error wrong type under $SET
void Users.update({ id: "1" }, { $SET: { age: "old" } });
// @ts-expect-error a method is not data
void Users.update({ id: "1" }, { greet: "x" });
// @ts-expect-error not an update
void Users.update({ id: "1" }, 0);
let q: Query<User> = Users.query("name").eq("x");
q = q.attributes(["id", "name"]);
void q;
const ByName = model("TypesUserByName");
void ByName.create({ id: 1, anything: "x" });
void ByName.batchPut([{ id: 1 }, { id: 2 }]);
async function f() {
  const u = await ByName.get(1);
  void u?.name.toUpperCase();
  const any = model<AnyItem>("AnyCat", { id: Number });
  void any.update({ id: 1 }, { color: "grey" });
  await Users.query("name").eq("x").sort(SortOrder.descending).exec();
  await dynamoose.transaction([Users.transaction.get("1")], { return: TransactionReturnOptions.request });
}
void f;
new Schema({ id: String, owner: { type: String, index: { type: IndexType.global } } });
const Loose = model("Loose");
Loose.methods.set("scanAll", async function () {
  return this.scan().exec();
});
void Loose.scanAll();
const Strict = model("StrictM", { id: Number });
const Strict2 = Strict.methods.set("twice", function (n) {
  return n * 2;
});
void Strict2.twice(2);
Strict.on("save", (item) => void item.id);
// @ts-expect-error a schema-inferred model has no undeclared members
void Strict.scanAll();

// ---- schema-inferred models: updates that are not objects are refused (no empty {} in UpdateOf) -----
const Cat = model("TypesFlatCat", { id: Number, name: String });
// @ts-expect-error: not an update object
void Cat.update(0);
// @ts-expect-error: not an update object
void Cat.update(1, 2);
// @ts-expect-error: not an update object
void Cat.update(1, "name");
// @ts-expect-error: not an update object
void Cat.transaction.update(0);
void Cat.update(1, { name: "x" });
void Cat.update({ id: 1, name: "x" });
void Cat.update(1, { $SET: { name: "x" }, $REMOVE: ["name"] });

// More of Dynamoose's exported names: query, scan and batchGet results are ItemArrays; the enum-like
// TableUpdateOptions is the Table option's strings; ItemSaveSettings is what save() takes.
{
  const results: ItemArray<User>[] = [];
  void Users.scan()
    .exec()
    .then((items) => results.push(items));
  void Users.query("id")
    .eq("1")
    .exec()
    .then((items) => results.push(items));
  void Users.batchGet(["1"]).then((items) => results.push(items));
  // @ts-expect-error a plain array has no populate()
  results.push([] as User[]);
  const update: TableUpdateOptions[] = [TableUpdateOptions.ttl, "indexes"];
  new dynamoose.Table("TypesUpdateOptions", [Users], { update, create: false });
  const saveSettings: ItemSaveSettings = { overwrite: false, return: "item" };
  void new Users({ id: "1" }).save(saveSettings);
  const init: ConditionInitializer = { age: { gt: 5 } };
  void init;
  const partial: DeepPartial<{ a: { b: number } }> = { a: {} };
  const anyFunction: FunctionType = (text: string) => text.length;
  void [partial, anyFunction];
}
