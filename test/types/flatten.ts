// Compile-time tests of `storage: "flatten"` (SPEC §11): the definition types accept `storage` and
// `prefix`; the item type keeps the flattened attribute as an object; paths and index names work.
import dynamodel, { Schema } from "dynamodel";
import type { Equal, Expect } from "./assert";

const User = dynamodel.model("TypesFlattenUser", {
  id: String,
  address: {
    type: Object,
    storage: "flatten",
    prefix: "addr_",
    schema: { city: { type: String, index: { name: "byCity", type: "global" } }, zip: String },
  },
  billing: { type: Object, storage: "flatten", schema: { plan: { type: String, index: true } } },
  settings: { type: Object, storage: "json" },
});

type UserItem = InstanceType<typeof User>;
export type FlattenTests = [
  Expect<Equal<UserItem["address"], { city?: string; zip?: string } | undefined>>,
  Expect<Equal<UserItem["billing"], { plan?: string } | undefined>>,
];

// The declared index names (the default one from the stored name) are what using() offers by name.
type DeclaredNames<P> = P extends string ? (string extends P ? never : P) : never;
type _flattenIndexNames = Expect<
  Equal<
    DeclaredNames<Parameters<ReturnType<typeof User.query>["using"]>[0]>,
    "byCity" | "billing_planGlobalIndex"
  >
>;

export async function flattenUsage(): Promise<void> {
  await User.create({ id: "u1", address: { city: "Oslo", zip: "0150" } });
  // @ts-expect-error a sub-attribute keeps its type
  await User.create({ id: "u1", address: { city: 5 } });
  await User.query("address.city").eq("Oslo").using("byCity").exec();
  // The default index name comes from the stored name.
  await User.query("billing.plan").eq("pro").using("billing_planGlobalIndex").exec();
  await User.update({ id: "u1" }, { $SET: { "address.city": "Bergen" } });
  await User.update({ id: "u1" }, { address: { zip: "1" }, $REMOVE: ["billing"] });
  await User.get("u1", { attributes: ["id", "address.city"] });
}

// Also through `new Schema()`, and prefix / storage are checked.
export const schema = new Schema({
  id: String,
  address: { type: Object, storage: "flatten", schema: { city: String } },
});
new Schema({
  id: String,
  // @ts-expect-error storage is "json" or "flatten"
  address: { type: Object, storage: "xml", schema: { city: String } },
});
new Schema({
  id: String,
  // @ts-expect-error prefix is a string
  address: { type: Object, storage: "flatten", prefix: 5, schema: { city: String } },
});

// storage: "json" holds any plain object or array, as one string: no paths lead into it.
export type JsonTests = [
  Expect<Equal<UserItem["settings"], Record<string, unknown> | unknown[] | undefined>>,
];
export async function jsonUsage(): Promise<void> {
  await User.create({ id: "u2", settings: [1, 2, "x"] });
  await User.create({ id: "u2", settings: { theme: "dark" } });
  await User.update("u2", { settings: [1, 2] });
  // A value typed by an interface is written as it is (an interface has no index signature of its own).
  interface Settings {
    theme?: string;
    sizes?: number[];
  }
  const typed: Settings = { theme: "dark", sizes: [1] };
  await User.create({ id: "u2", settings: typed });
  await User.update("u2", { settings: typed });
  // @ts-expect-error a Map is not what JSON holds (the runtime refuses it too)
  await User.create({ id: "u2", settings: new Map<string, string>() });
  // @ts-expect-error a json value is an object or an array
  await User.create({ id: "u2", settings: "dark" });
  // @ts-expect-error no path leads into one JSON string
  await User.update("u2", { "settings.theme": "light" });
  // @ts-expect-error no path leads into one JSON string
  await User.scan("settings.theme").eq("dark").exec();
  // @ts-expect-error no path leads into one JSON string
  await User.get("u2", { attributes: ["settings.theme"] });
  await User.scan("settings").eq({ theme: "dark" }).exec();
}
