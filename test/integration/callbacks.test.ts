// Every async public method also takes a trailing Node-style callback: it is called with (null, result)
// or (error), and the method returns undefined.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

type Callback = (error: unknown, result?: unknown) => void;

/** Calls `start(callback)`, checks it returned undefined, and resolves with what the callback got. */
function viaCallback(start: (callback: Callback) => unknown): Promise<{ error: unknown; result: unknown }> {
  return new Promise((resolve) => {
    const returned = start((error, result) => resolve({ error, result }));
    expect(returned).toBeUndefined();
  });
}

const Owner = dynamodel.model(
  "CallbackOwner",
  { id: Number, name: String },
  { tableName: uniqueTableName("cbowner"), throughput: "ON_DEMAND" },
);
const Cat = dynamodel.model(
  "CallbackCat",
  new Schema({ id: Number, name: { type: String, required: true }, owner: Owner }),
  { tableName: uniqueTableName("cbcat"), throughput: "ON_DEMAND" },
);

beforeAll(async () => {
  await Owner.create({ id: 1, name: "Ann" });
  await Cat.create({ id: 1, name: "Tom", owner: 1 });
});

const bad = { id: 99 } as never; // misses the required name
const wrongKey = "not a number" as never;

describe.each([
  ["Model.get", (cb: Callback) => Cat.get(1, cb), (cb: Callback) => Cat.get(wrongKey, cb)],
  [
    "Model.get with settings",
    (cb: Callback) => Cat.get(1, {}, cb),
    (cb: Callback) => Cat.get(1, { nope: 1 } as never, cb),
  ],
  [
    "Model.create",
    (cb: Callback) => Cat.create({ id: 2, name: "Kit" }, cb),
    (cb: Callback) => Cat.create(bad, cb),
  ],
  [
    "Model.update",
    (cb: Callback) => Cat.update(1, { name: "Tim" }, cb),
    (cb: Callback) => Cat.update(1, { name: 5 } as never, cb),
  ],
  ["Model.delete", (cb: Callback) => Cat.delete(2, cb), (cb: Callback) => Cat.delete(wrongKey, cb)],
  ["Model.batchGet", (cb: Callback) => Cat.batchGet([1], cb), (cb: Callback) => Cat.batchGet([wrongKey], cb)],
  [
    "Model.batchPut",
    (cb: Callback) => Cat.batchPut([{ id: 3, name: "Max" }], cb),
    (cb: Callback) => Cat.batchPut([bad], cb),
  ],
  [
    "Model.batchDelete",
    (cb: Callback) => Cat.batchDelete([3], cb),
    (cb: Callback) => Cat.batchDelete([wrongKey], cb),
  ],
  [
    "item.save",
    (cb: Callback) => new Cat({ id: 4, name: "Bo" }).save(cb),
    (cb: Callback) => new Cat(bad).save(cb),
  ],
  [
    "item.delete",
    (cb: Callback) => new Cat({ id: 4, name: "Bo" }).delete(cb),
    (cb: Callback) => new Cat({ id: wrongKey, name: "x" }).delete(cb),
  ],
  [
    "item.populate",
    (cb: Callback) => new Cat({ id: 5, name: "P", owner: 1 }).populate(cb),
    (cb: Callback) => new Cat({ id: 5, name: "P", owner: 1 }).populate({ properties: 5 } as never, cb),
  ],
  [
    "query.exec",
    (cb: Callback) => Cat.query("id").eq(1).exec(cb),
    (cb: Callback) => Cat.query("name").eq("x").exec(cb),
  ],
  [
    "scan.exec",
    (cb: Callback) => Cat.scan().exec(cb),
    (cb: Callback) =>
      Cat.scan()
        .where("id")
        .eq("one" as never)
        .exec(cb),
  ],
  [
    "transaction",
    (cb: Callback) => dynamodel.transaction([Cat.transaction.get(1)], cb),
    (cb: Callback) => dynamodel.transaction([], cb),
  ],
  ["table.initialize", (cb: Callback) => Cat.table().initialize(cb), undefined],
])("%s", (_name, succeed, fail) => {
  it("calls back with no error and returns undefined", async () => {
    const { error } = await viaCallback(succeed);
    // null, or no argument at all where Dynamoose passes none (the exact arguments: below).
    expect(error ?? null).toBeNull();
  });
  if (fail) {
    it("calls back with the error and returns undefined", async () => {
      const { error } = await viaCallback(fail);
      expect(error).toBeInstanceOf(Error);
    });
  }
});

// Dynamoose's result-array populate() is "an alias to item.populate": (settings?, callback?).
describe.each([
  ["query", () => Cat.query("id").eq(1).exec()],
  ["scan", () => Cat.scan("id").eq(1).exec()],
  ["batchGet", () => Cat.batchGet([1])],
])("a %s result's populate", (_name, read) => {
  it("calls back with (null, the array) and returns undefined: populate(callback)", async () => {
    const result = await read();
    const { error, result: populated } = await viaCallback((cb) => result.populate(cb as never));
    expect(error).toBeNull();
    expect(populated).toBe(result);
    expect(result[0]!.owner).toMatchObject({ id: 1, name: "Ann" });
  });

  it("takes settings before the callback: populate(settings, callback)", async () => {
    const result = await read();
    const { error, result: populated } = await viaCallback((cb) =>
      result.populate({ properties: "owner" }, cb as never),
    );
    expect(error).toBeNull();
    expect(populated).toBe(result);
    expect(result[0]!.owner).toMatchObject({ id: 1, name: "Ann" });
  });

  it("calls back with the error of bad settings", async () => {
    const result = await read();
    const { error } = await viaCallback((cb) => result.populate({ properties: 5 } as never, cb as never));
    expect(error).toBeInstanceOf(Error);
  });

  it("still resolves with the array without a callback", async () => {
    const result = await read();
    await expect(result.populate()).resolves.toBe(result);
  });
});

// Jest's toHaveBeenCalledWith() compares the number of arguments too: a callback is called exactly as
// Dynamoose calls it.
describe("the arguments of a successful call back are Dynamoose's", () => {
  it.each<[string, (cb: Callback) => unknown, unknown[]]>([
    ["Model.delete: none", (cb) => Cat.delete(7, cb), []],
    ["item.delete: none", (cb) => new Cat({ id: 7, name: "Seven" }).delete(cb), []],
    [
      'Model.delete with return: "request": (null, the request)',
      (cb) => Cat.delete(7, { return: "request" }, cb),
      [null, { TableName: Cat.table().name, Key: { id: { N: "7" } } }],
    ],
    ["table.initialize: (null)", (cb) => Cat.table().initialize(cb), [null]],
    ["Model.get of a missing item: (null, undefined)", (cb) => Cat.get(404, cb), [null, undefined]],
    [
      'Model.update with returnValues: "NONE": (null, undefined)',
      (cb) => Cat.update(1, { name: "Tom" }, { returnValues: "NONE" }, cb),
      [null, undefined],
    ],
  ])("%s", async (_name, start, expected) => {
    const callback = jest.fn();
    await new Promise<void>((resolve) => {
      expect(start((...args) => (callback(...args), resolve()))).toBeUndefined();
    });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(...expected);
    expect(callback.mock.calls[0]).toStrictEqual(expected);
  });
});
