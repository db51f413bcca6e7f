// The 400 KB pre-flight check near the limit: the cheap upper bound must never reject an item that
// DynamoDB accepts, and the exact count must still reject the one it would refuse.
import dynamodel, { Schema, ValidationError } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("itemsize");
const Note = dynamodel.model("SizedNote", new Schema({ id: { type: String, hashKey: true }, text: String }), {
  tableName,
});

async function storedText(id: string): Promise<string | undefined> {
  const { Item } = await rawClient().getItem({
    TableName: tableName,
    Key: { id: { S: id } },
    ConsistentRead: true,
  });
  return Item?.text?.S;
}

describe("item size near DynamoDB's 400 KB limit", () => {
  // "é" is one UTF-16 unit but two UTF-8 bytes: 200,000 of them are 400,000 bytes (under 409,600),
  // while a bound of three bytes per unit says 600,000.
  it("accepts and stores a multi-byte item under the limit whose cheap bound is over it", async () => {
    const text = "é".repeat(200_000);
    await Note.create({ id: "under", text });
    expect(await storedText("under")).toBe(text);
  });

  it("rejects a multi-byte item over the limit and writes nothing", async () => {
    const text = "é".repeat(205_000); // 410,000 bytes
    const attempt = Note.create({ id: "over", text });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(Note.create({ id: "over", text })).rejects.toThrow(
      /is larger than DynamoDB's limit of 409600 bytes \(got "41\d{4} bytes"\)/,
    );
    expect(await storedText("over")).toBeUndefined();
  });
});
