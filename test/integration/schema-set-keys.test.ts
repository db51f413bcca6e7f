// A schema-level `set` runs on every write; Dynamoose's docs: it "will also be used when retrieving an
// item (ie. `get`, `query`, `update`, etc)". Keys given to get, update, delete and the batch and
// transaction operations go through it, so they name the item a save stored: without it, `update`
// wrote a second item next to the stored one.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("schemaSetKeys");
const Person = dynamodel.model(
  "SchemaSetKeysPerson",
  new Schema(
    { name: String, x: Number },
    { set: (item) => ({ ...item, name: String(item.name).toUpperCase() }) },
  ),
  { tableName, throughput: "ON_DEMAND" },
);

async function storedNames(): Promise<string[]> {
  const { Items } = await rawClient().scan({ TableName: tableName, ConsistentRead: true });
  return (Items ?? []).map((item) => `${item.name!.S}:${item.x?.N}`).sort();
}

it("get, update and delete by a key given as the caller writes it", async () => {
  await Person.create({ name: "bob", x: 1 });
  expect(await storedNames()).toEqual(["BOB:1"]);
  expect((await Person.get("bob"))?.x).toBe(1);
  expect(await Person.get({ name: "bob" }, { return: "request" })).toMatchObject({
    Key: { name: { S: "BOB" } },
  });

  await Person.update({ name: "bob" }, { x: 2 });
  expect(await storedNames()).toEqual(["BOB:2"]); // the stored item changed; no stray "bob" item

  await Person.delete("bob");
  expect(await storedNames()).toEqual([]);
});

it("batchGet, batchDelete and transaction elements", async () => {
  await Person.batchPut([
    { name: "ann", x: 1 },
    { name: "cy", x: 2 },
  ]);
  expect((await Person.batchGet(["ann", "cy"])).map((person) => person.name)).toEqual(["ANN", "CY"]);
  await dynamodel.transaction([Person.transaction.update({ name: "ann" }, { x: 5 })]);
  expect(await storedNames()).toEqual(["ANN:5", "CY:2"]);
  await Person.batchDelete(["ann"]);
  await dynamodel.transaction([Person.transaction.delete("cy")]);
  expect(await storedNames()).toEqual([]);
});

it("a schema set that leaves a key attribute out is an error, and nothing is deleted", async () => {
  const Broken = dynamodel.model(
    "SchemaSetKeysBroken",
    new Schema({ name: String, x: Number }, { set: (item) => ({ x: item.x }) }),
    { tableName, create: false },
  );
  await Person.create({ name: "dee", x: 1 });
  await expect(Broken.delete("dee")).rejects.toThrow(InvalidParameter);
  await expect(Broken.delete("dee")).rejects.toThrow(/left the key attribute "name" empty/);
  expect(await storedNames()).toEqual(["DEE:1"]);
});
