// A stored map may have a member named `__proto__` (a dictionary keyed by user input, or an item saved
// with saveUnknown). Reading it must hold the member as data: assigning it would set the prototype of
// the map (or of the item itself) instead, and the member's own members would show through as inherited.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("protoMembers");
const Doc = dynamodel.model(
  "ProtoMembersDoc",
  new Schema({ id: String, dict: dynamodel.type.ANY }, { saveUnknown: true }),
  { tableName, throughput: "ON_DEMAND" },
);
type Data = Record<string, unknown>;

// Built with JSON.parse: an object literal would set the prototype itself.
const storedWithProto = () =>
  JSON.parse(`{
    "id": {"S": "d1"},
    "dict": {"M": {"__proto__": {"M": {"polluted": {"S": "yes"}}}, "en": {"S": "hello"}}},
    "__proto__": {"M": {"top": {"S": "level"}}}
  }`);

beforeAll(async () => {
  await Doc.table().initialize();
  await rawClient().putItem({ TableName: tableName, Item: storedWithProto() });
});

it("reads a __proto__ member of a map as data; a top-level one does not replace the item's prototype", async () => {
  const item = (await Doc.get("d1"))!;
  expect(Object.getPrototypeOf(item)).toBe(Doc.prototype);
  expect(item).toBeInstanceOf(Doc);
  expect((item as unknown as Data).top).toBeUndefined();
  // The SDK itself reads a top-level `__proto__` attribute as undefined, so the item cannot hold it.

  const dict = item.dict as Data;
  expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
  expect(dict.polluted).toBeUndefined();
  expect(Object.keys(dict)).toEqual(["__proto__", "en"]);
  expect(Object.getOwnPropertyDescriptor(dict, "__proto__")!.value).toEqual({ polluted: "yes" });

  expect(JSON.stringify((item.toJSON() as Data).dict)).toBe('{"__proto__":{"polluted":"yes"},"en":"hello"}');
});

it("a save of another change leaves both stored members as they are", async () => {
  const item = (await Doc.get("d1"))!;
  (item.dict as Data).fr = "bonjour";
  await item.save();
  const { Item } = await rawClient().getItem({ TableName: tableName, Key: { id: { S: "d1" } } });
  const expected = storedWithProto();
  expected.dict.M.fr = { S: "bonjour" };
  expect(Item!.dict).toEqual(expected.dict);
  // The SDK reads the top-level attribute as undefined, so ask DynamoDB whether it is still there.
  const { Count } = await rawClient().scan({
    TableName: tableName,
    FilterExpression: "#proto.#top = :level",
    ExpressionAttributeNames: { "#proto": "__proto__", "#top": "top" },
    ExpressionAttributeValues: { ":level": { S: "level" } },
  });
  expect(Count).toBe(1);
});
