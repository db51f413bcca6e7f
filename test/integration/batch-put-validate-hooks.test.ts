// Model.batchPut runs each object's validate hooks, as Mongoose's insertMany validates each document.
import dynamodel, { Schema, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

async function storedItems(table: string) {
  const { Items = [] } = await rawClient().scan({ TableName: table, ConsistentRead: true });
  return Items.sort((a, b) => Number(a.id!.N) - Number(b.id!.N));
}

describe("batchPut and validate hooks", () => {
  const calls: string[] = [];
  const schema = new Schema({ id: Number, name: { type: String, required: true }, slug: String });
  schema.pre("validate", function () {
    calls.push(`pre ${String(this.id)}`);
    if (this.id === 13) throw new Error("13 is not allowed");
    // What a pre hook fills in is what is written.
    this.slug = String(this.name ?? "").toLowerCase();
  });
  schema.post("validate", function (item) {
    calls.push(`post ${String(item.id)} ${this === item && item instanceof Cat}`);
  });
  const Cat = dynamodel.model("BatchValidateCat", schema, {
    tableName: uniqueTableName("batchvalidate"),
    throughput: "ON_DEMAND",
  });

  beforeEach(async () => {
    calls.length = 0;
    await Cat.table().initialize();
  });

  it("runs pre and post validate hooks once per object, with this = an item, and writes what they left", async () => {
    const objects = [
      { id: 1, name: "Tom" },
      { id: 2, name: "Ann" },
    ];
    const result = await Cat.batchPut(objects);
    expect(result).toEqual({ unprocessedItems: [] });
    expect([...calls].sort()).toEqual(["post 1 true", "post 2 true", "pre 1", "pre 2"]);
    expect(await storedItems(Cat.table().name)).toEqual([
      { id: { N: "1" }, name: { S: "Tom" }, slug: { S: "tom" } },
      { id: { N: "2" }, name: { S: "Ann" }, slug: { S: "ann" } },
    ]);
    // The caller's objects are not changed: the hooks ran on items made from them.
    expect(objects).toEqual([
      { id: 1, name: "Tom" },
      { id: 2, name: "Ann" },
    ]);
  });

  it("writes nothing when one object's pre validate hook throws, and rejects with that error", async () => {
    await expect(
      Cat.batchPut([
        { id: 11, name: "A" },
        { id: 13, name: "B" },
      ]),
    ).rejects.toThrow(new Error("13 is not allowed"));
    expect(calls).toContain("pre 13");
    expect(calls).not.toContain("post 13 true");
    expect(
      await rawClient().getItem({ TableName: Cat.table().name, Key: { id: { N: "11" } } }),
    ).not.toHaveProperty("Item");
  });

  it("validates after the pre hooks and names the entry; post validate does not run for it", async () => {
    const withoutName = { id: 22 } as { id: number; name: string };
    await expect(Cat.batchPut([{ id: 21, name: "A" }, withoutName])).rejects.toThrow(
      new ValidationError('batchPut entry [1]: "name" is required (got undefined)'),
    );
    expect(calls).toContain("pre 22");
    expect(calls).not.toContain("post 22 true");
    expect(
      await rawClient().getItem({ TableName: Cat.table().name, Key: { id: { N: "21" } } }),
    ).not.toHaveProperty("Item");
  });

  it("reports the first invalid entry in the caller's order, after every hook has finished", async () => {
    const slow = new Schema({ id: Number, name: { type: String, required: true } });
    const finished: number[] = [];
    slow.pre("validate", async function () {
      // The first entry takes longest: it fails last in time, but first in order.
      await new Promise((resolve) => setTimeout(resolve, this.id === 1 ? 60 : 5));
      finished.push(Number(this.id));
    });
    const Slow = dynamodel.model("BatchValidateSlow", slow, {
      tableName: uniqueTableName("batchvalidateslow"),
      throughput: "ON_DEMAND",
    });
    const missing = (id: number) => ({ id }) as { id: number; name: string };
    await expect(Slow.batchPut([missing(1), { id: 2, name: "ok" }, missing(3)])).rejects.toThrow(
      new ValidationError('batchPut entry [0]: "name" is required (got undefined)'),
    );
    expect([...finished].sort()).toEqual([1, 2, 3]);
  });

  it("reads DynamoDB-JSON objects as new Model() does, with or without validate hooks", async () => {
    const Plain = dynamodel.model("BatchValidateJson", new Schema({ id: Number, name: String }), {
      tableName: uniqueTableName("batchvalidatejson"),
      throughput: "ON_DEMAND",
    });
    const marshalled = (id: number, name: string) =>
      ({ id: { N: String(id) }, name: { S: name } }) as unknown as { id: number; name: string };
    await Plain.batchPut([marshalled(1, "Tom")]);
    await Cat.batchPut([marshalled(31, "Ann")]);
    expect(await storedItems(Plain.table().name)).toEqual([{ id: { N: "1" }, name: { S: "Tom" } }]);
    const cat = await rawClient().getItem({ TableName: Cat.table().name, Key: { id: { N: "31" } } });
    expect(cat.Item).toEqual({ id: { N: "31" }, name: { S: "Ann" }, slug: { S: "ann" } });
  });

  it("writes the objects of a model without validate hooks as they are", async () => {
    const Plain = dynamodel.model("BatchValidatePlain", new Schema({ id: Number, name: String }), {
      tableName: uniqueTableName("batchvalidateplain"),
      throughput: "ON_DEMAND",
    });
    await Plain.batchPut([{ id: 1, name: "x" }]);
    expect(calls).toEqual([]);
    expect(await storedItems(Plain.table().name)).toEqual([{ id: { N: "1" }, name: { S: "x" } }]);
  });
});
