// `new Model(image)` with an image in DynamoDB's form (a stream record's NewImage, a raw SDK read) reads it
// as a read of the item would, by the schema's types: flattened objects rebuilt, JSON strings parsed,
// Buffers made. A plain unmarshall left a flattened object's attributes as top-level names, which a save
// (a PutItem) then dropped from the table, and a JSON string that no save accepted.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("marshalledConstruct");
const Customer = dynamodel.model(
  "MarshalledConstructCustomer",
  new Schema({
    id: String,
    name: String,
    address: { type: Object, storage: "flatten", prefix: "addr_", schema: { city: String, zip: String } },
    settings: { type: Object, storage: "json" },
    data: Buffer,
    at: Date,
    tags: { type: Set, schema: [String] },
  }),
  { tableName, throughput: "ON_DEMAND" },
);
const key = { id: { S: "c1" } };

it("rebuilds what a read rebuilds, and a save of it writes the item back unchanged but for the change", async () => {
  await Customer.create({
    id: "c1",
    name: "Ann",
    address: { city: "Oslo", zip: "0150" },
    settings: { theme: "dark" },
    data: Buffer.from("hi"),
    at: new Date(5_000),
    tags: new Set(["a"]),
  });
  const image = (await storedItem(tableName, key))!;
  const fromImage = new Customer(image as never);
  expect(fromImage.toJSON()).toEqual((await Customer.get("c1"))!.toJSON());
  expect(fromImage.data).toBeInstanceOf(Buffer);
  expect(fromImage.at).toEqual(new Date(5_000));
  fromImage.name = "Bob";
  await fromImage.save();
  expect(await storedItem(tableName, key)).toEqual({ ...image, name: { S: "Bob" } });
});

it("keeps attributes the schema does not declare, as the unmarshalled image had them", () => {
  const fromImage = new Customer({ id: { S: "c2" }, extra: { N: "1" } } as never) as unknown as Record<
    string,
    unknown
  >;
  expect(fromImage.id).toBe("c2");
  expect(fromImage.extra).toBe(1);
});
