// storage: "flatten" (SPEC §11): every write path stores a flattened object's sub-attributes as top-level
// attributes, every read path rebuilds the object. What is stored is read back through the raw SDK.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import dynamodel, { InvalidParameter, Schema, TypeMismatch, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("flatten");
const User = dynamodel.model(
  "FlattenUser",
  new Schema({
    id: { type: String, hashKey: true },
    name: String,
    address: {
      type: Object,
      storage: "flatten",
      prefix: "addr_",
      schema: {
        city: { type: String, index: { name: "byCity", type: "global" } },
        zip: String,
        country: { type: String, default: "NO", enum: ["NO", "SE"] },
        street: {
          type: String,
          set: (value: string) => value.toUpperCase(),
          get: (value: string) => `${value}!`,
        },
        floor: { type: Number, validate: (floor: number) => floor >= 0 },
        geo: { type: Object, schema: { lat: Number, lng: Number } },
        movedIn: Date,
      },
    },
    billing: {
      type: Object,
      storage: "flatten",
      schema: { plan: { type: String, required: true }, seats: Number },
    },
  }),
  { tableName, throughput: "ON_DEMAND" },
);

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item ? unmarshall(Item) : undefined;
}

describe("writes store flattened attributes", () => {
  test("save stores prefix + sub-name, no object attribute, and defaults and set inside", async () => {
    await new User({ id: "w1", address: { city: "Oslo", zip: "0150", street: "main" } }).save();
    expect(await stored("w1")).toEqual({
      id: "w1",
      addr_city: "Oslo",
      addr_zip: "0150",
      addr_country: "NO",
      addr_street: "MAIN",
    });
  });

  test("the default prefix is the attribute name and an underscore", async () => {
    await User.create({ id: "w2", billing: { plan: "pro", seats: 3 } });
    expect(await stored("w2")).toEqual({ id: "w2", billing_plan: "pro", billing_seats: 3 });
  });

  test("a missing object stores nothing; an empty object stores nothing and reads back absent", async () => {
    await User.create({ id: "w3", name: "x" });
    await User.create({ id: "w4", address: {} });
    expect(await stored("w3")).toEqual({ id: "w3", name: "x" });
    // The default still applies inside a given (empty) object, as for any nested object.
    expect(await stored("w4")).toEqual({ id: "w4", addr_country: "NO" });
    const bare = await User.get("w3");
    expect(bare!.toJSON()).toEqual({ id: "w3", name: "x" });
  });

  test("nested objects, numbers and Dates inside keep their stored types", async () => {
    await User.create({
      id: "w5",
      address: { geo: { lat: 59.9, lng: 10.7 }, floor: 2, movedIn: new Date(1000) },
    });
    const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "w5" } } });
    expect(Item).toEqual({
      id: { S: "w5" },
      addr_geo: { M: { lat: { N: "59.9" }, lng: { N: "10.7" } } },
      addr_floor: { N: "2" },
      addr_movedIn: { N: "1000" },
      addr_country: { S: "NO" },
    });
  });

  test("batchPut and transactions store flattened attributes", async () => {
    await User.batchPut([
      { id: "b1", address: { city: "Bergen" } },
      { id: "b2", billing: { plan: "free" } },
    ]);
    await dynamodel.transaction([User.transaction.create({ id: "t1", address: { zip: "5003" } })]);
    expect(await stored("b1")).toEqual({ id: "b1", addr_city: "Bergen", addr_country: "NO" });
    expect(await stored("b2")).toEqual({ id: "b2", billing_plan: "free" });
    expect(await stored("t1")).toEqual({ id: "t1", addr_zip: "5003", addr_country: "NO" });
  });

  test("sub-attribute rules apply: type, required, enum, validate", async () => {
    await expect(User.create({ id: "e1", address: { city: 5 as never } })).rejects.toThrow(TypeMismatch);
    await expect(User.create({ id: "e1", address: { city: 5 as never } })).rejects.toThrow(/address\.city/);
    await expect(User.create({ id: "e2", billing: { seats: 1 } as never })).rejects.toThrow(ValidationError);
    await expect(User.create({ id: "e2", billing: { seats: 1 } as never })).rejects.toThrow(/billing\.plan/);
    await expect(User.create({ id: "e3", address: { country: "DK" as never } })).rejects.toThrow(
      /address\.country/,
    );
    await expect(User.create({ id: "e4", address: { floor: -1 } })).rejects.toThrow(/address\.floor/);
    await expect(User.create({ id: "e5", address: "Oslo" as never })).rejects.toThrow(TypeMismatch);
    expect(await stored("e1")).toBeUndefined();
  });
});

describe("reads rebuild the object", () => {
  beforeAll(async () => {
    await rawClient().batchWriteItem({
      RequestItems: {
        [tableName]: ["r1", "r2"].map((id) => ({
          PutRequest: {
            Item: {
              id: { S: id },
              addr_city: { S: "Tromsø" },
              addr_street: { S: "HARBOUR" },
              addr_movedIn: { N: "5000" },
              billing_plan: { S: "team" },
            },
          },
        })),
      },
    });
  });

  const expected = {
    id: "r1",
    address: { city: "Tromsø", street: "HARBOUR!", movedIn: new Date(5000) },
    billing: { plan: "team" },
  };

  test("get, with `get` functions and Dates inside", async () => {
    const item = await User.get("r1");
    expect({ ...item }).toEqual(expected);
    expect(item!.toJSON()).toEqual({
      ...expected,
      address: { ...expected.address, movedIn: "1970-01-01T00:00:05.000Z" },
    });
  });

  test("original() is the stored form as an object (no `get`)", async () => {
    const item = await User.get("r1");
    expect(item!.original()).toEqual({
      id: "r1",
      address: { city: "Tromsø", street: "HARBOUR", movedIn: new Date(5000) },
      billing: { plan: "team" },
    });
  });

  test("batchGet, scan, query and transaction gets", async () => {
    const [batch] = await User.batchGet(["r1"]);
    expect({ ...batch }).toEqual(expected);
    const scanned = await User.scan("id").eq("r2").exec();
    expect({ ...scanned[0] }).toEqual({ ...expected, id: "r2" });
    const queried = await User.query("id").eq("r1").exec();
    expect({ ...queried[0] }).toEqual(expected);
    const [fromTransaction] = (await dynamodel.transaction([User.transaction.get("r1")])) as unknown[];
    expect({ ...(fromTransaction as object) }).toEqual(expected);
  });

  test("update's returned item is rebuilt too", async () => {
    const updated = await User.update({ id: "r2" }, { name: "Ró" });
    expect({ ...updated }).toEqual({ ...expected, id: "r2", name: "Ró" });
  });
});

describe("an index key inside a flattened object", () => {
  test("is refused empty or oversize before sending, by its document path, however it is written", async () => {
    await User.create({ id: "k1", address: { city: "Oslo" } });
    const before = await stored("k1");
    const empty = { path: "address.city", rule: "key", value: "" };
    const writes: (() => Promise<unknown>)[] = [
      () => User.create({ id: "k2", address: { city: "" } }),
      () => User.update({ id: "k1" }, { "address.city": "" }),
      () => User.update({ id: "k1" }, { address: { city: "" } }),
      () => User.update({ id: "k1" }, { $SET: { address: { city: "" } } }),
      () => dynamodel.transaction([User.transaction.update({ id: "k1" }, { address: { city: "" } })]),
      () => User.query("address.city").eq("").exec(),
    ];
    for (const write of writes) {
      const error = await write().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject(empty);
    }
    await expect(User.update({ id: "k1" }, { address: { city: "c".repeat(2100) } })).rejects.toMatchObject({
      path: "address.city",
      rule: "key",
      value: "2100 bytes",
    });
    expect(await stored("k1")).toEqual(before);
    expect(await stored("k2")).toBeUndefined();
  });
});

test("an unknown attribute saveUnknown would keep under a flattened stored name is refused, nothing written", async () => {
  const Loose = dynamodel.model(
    "FlattenLoose",
    new Schema(
      { id: String, address: { type: Object, storage: "flatten", schema: { city: String } } },
      { saveUnknown: true },
    ),
    { tableName: uniqueTableName("flattenLoose"), throughput: "ON_DEMAND" },
  );
  const message =
    '"address_city" is where "address.city" is stored (storage: "flatten"); it cannot also be given as an ' +
    "attribute of its own.";
  await Loose.table().initialize();
  const clash = { id: "c1", address: { city: "Oslo" }, address_city: "Bergen" };
  await expect(Loose.create(clash)).rejects.toThrow(new InvalidParameter(message));
  await expect(Loose.batchPut([clash])).rejects.toThrow(InvalidParameter);
  await expect(Loose.create({ id: "c2", address_city: "Bergen" })).rejects.toThrow(InvalidParameter);
  const { Items } = await rawClient().scan({ TableName: Loose.table().name });
  expect(Items).toEqual([]);
  // Asking what changed answers; only a write refuses.
  const asked = new Loose(clash);
  expect(asked.isDirty()).toBe(true);
  expect(asked.modifiedPaths()).toContain("address.city");
  await expect(asked.save()).rejects.toThrow(new InvalidParameter(message));
});

describe("saving an item read from the table", () => {
  test("modifiedPaths and isDirty name document paths; save sends only the changed stored names", async () => {
    await User.create({ id: "s1", address: { city: "Oslo", zip: "0150" }, billing: { plan: "pro" } });
    const item = (await User.get("s1"))!;
    expect(item.modifiedPaths()).toEqual([]);
    item.address!.city = "Bergen";
    delete item.address!.zip;
    expect(item.modifiedPaths().sort()).toEqual(["address.city", "address.zip"]);
    expect(item.isDirty("address")).toBe(true);
    expect(item.isDirty("address.city")).toBe(true);
    expect(item.isDirty("billing")).toBe(false);
    const request = (await item.save({ return: "request" })) as unknown as {
      UpdateExpression: string;
      ExpressionAttributeNames: Record<string, string>;
    };
    expect(request.UpdateExpression).toMatch(/^SET #n\d = :v\d REMOVE #n\d$/);
    expect(Object.values(request.ExpressionAttributeNames).sort()).toEqual(["addr_city", "addr_zip", "id"]);
    await item.save();
    expect(await stored("s1")).toEqual({
      id: "s1",
      addr_city: "Bergen",
      addr_country: "NO",
      billing_plan: "pro",
    });
    expect(item.modifiedPaths()).toEqual([]);
  });

  test("an unchanged sub-attribute with get/set is not transformed again on save", async () => {
    await User.create({ id: "s4", address: { city: "Oslo", street: "dock" } });
    const item = (await User.get("s4"))!;
    expect(item.address!.street).toBe("DOCK!"); // get(stored)
    item.address!.city = "Bergen";
    expect(item.modifiedPaths()).toEqual(["address.city"]);
    await item.save();
    expect(await stored("s4")).toEqual({
      id: "s4",
      addr_city: "Bergen",
      addr_street: "DOCK",
      addr_country: "NO",
    });
  });

  test("a new item lists its flattened attributes as document paths", () => {
    const item = new User({ id: "s2", address: { city: "Oslo" } });
    // The default of address.country counts, as defaults do for any new item.
    expect(item.modifiedPaths().sort()).toEqual(["address.city", "address.country", "id"]);
  });

  test("an item read with a projection replaces or removes a flattened object whole, as a map's SET or REMOVE", async () => {
    await User.create({ id: "p1", name: "x", address: { city: "Oslo", zip: "1", floor: 3 } });
    const unread = (await User.get("p1", { attributes: ["id", "name"] }))!;
    unread.address = { city: "New" } as never; // country: its default fills it in
    expect(unread.modifiedPaths().sort()).toEqual([
      "address.city",
      "address.country",
      "address.floor",
      "address.geo",
      "address.movedIn",
      "address.street",
      "address.zip",
    ]);
    await unread.save();
    // The default is stored as the saved item shows it; the sub-attributes the object no longer has go.
    expect(await stored("p1")).toEqual({ id: "p1", name: "x", addr_city: "New", addr_country: "NO" });
    expect(unread.toJSON()).toEqual({ id: "p1", name: "x", address: { city: "New", country: "NO" } });

    await User.create({ id: "p2", name: "x", address: { city: "Oslo", zip: "1" } });
    const readInPart = (await User.get("p2", { attributes: ["id", "address.city"] }))!;
    delete readInPart.address;
    await readInPart.save();
    expect(await stored("p2")).toEqual({ id: "p2", name: "x" });

    // Read in part and changed in part: only the change is written.
    await User.create({ id: "p3", address: { city: "Oslo", zip: "1" } });
    const changedInPart = (await User.get("p3", { attributes: ["id", "address.city"] }))!;
    changedInPart.address!.city = "Bergen";
    expect(changedInPart.modifiedPaths()).toEqual(["address.city"]);
    await changedInPart.save();
    expect(await stored("p3")).toEqual({ id: "p3", addr_city: "Bergen", addr_zip: "1", addr_country: "NO" });
  });

  test("removing the whole object removes every stored sub-attribute", async () => {
    await User.create({ id: "s3", address: { city: "Oslo", zip: "1" } });
    const item = (await User.get("s3"))!;
    item.address = undefined;
    expect(item.modifiedPaths().sort()).toEqual(["address.city", "address.country", "address.zip"]);
    await item.save();
    expect(await stored("s3")).toEqual({ id: "s3" });
  });
});
