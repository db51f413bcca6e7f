// An item read with `attributes` validates as it saves: attributes the read did not fetch are not asked for
// (`required`). And `save({return: "request"})` of an item whose save sends nothing resolves with an
// UpdateItem that writes nothing: it was a PutItem of the projected item, which would have wiped the rest.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("projectedValidate");
const Doc = dynamodel.model(
  "ProjectedValidateDoc",
  new Schema({ id: String, name: String, req: { type: String, required: true }, n: Number }),
  { tableName, throughput: "ON_DEMAND" },
);

it("validate() of a projected item does not ask for what it did not read, and still checks what it holds", async () => {
  await Doc.create({ id: "a", name: "x", req: "r", n: 5 });
  const projected = (await Doc.get("a", { attributes: ["id", "name"] }))!;
  await expect(projected.validate()).resolves.toBeUndefined();
  (projected as unknown as { name: unknown }).name = 5;
  await expect(projected.validate()).rejects.toMatchObject({ name: "TypeMismatch" });
  const whole = new Doc({ id: "b", name: "x" } as never);
  await expect(whole.validate()).rejects.toMatchObject({ name: "ValidationError" });
});

it("save({return: 'request'}) of an unchanged projected item is an UpdateItem that writes nothing", async () => {
  await Doc.create({ id: "c", name: "x", req: "r", n: 5 });
  const projected = (await Doc.get("c", { attributes: ["id", "name"] }))!;
  const request = (await projected.save({ return: "request" })) as unknown as Record<string, unknown>;
  expect(request.Item).toBeUndefined();
  expect(request.UpdateExpression).toBeUndefined();
  expect(request.Key).toEqual({ id: { S: "c" } });
  // Sending it changes nothing.
  await rawClient().updateItem(request as never);
  expect(await storedItem(tableName, { id: { S: "c" } })).toEqual({
    id: { S: "c" },
    name: { S: "x" },
    req: { S: "r" },
    n: { N: "5" },
  });
});
