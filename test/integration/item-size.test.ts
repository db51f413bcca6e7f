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

describe("numbers at the limit, counted as DynamoDB counts them", () => {
  // 1.5 and -7.25 take 3 and 4 bytes (digit pairs aligned on the point, a byte more when negative); counted
  // by significant digits alone they were 2 and 3, and an item one byte over went to DynamoDB, which refused it.
  const Measured = dynamodel.model(
    "SizedMeasured",
    new Schema({ id: { type: String, hashKey: true }, s: String, nums: { type: Array, schema: [Number] } }),
    { tableName: uniqueTableName("itemsize_numbers") },
  );
  // "id" + "a" + "s" + "nums" + list overhead (3) + per element (1 + size).
  const fixed = 2 + 1 + 1 + 4 + 3 + (1 + 3) + (1 + 4);
  const nums = [1.5, -7.25];

  it("accepts an item of exactly 409,600 bytes and rejects one of 409,601 before sending", async () => {
    await Measured.create({ id: "a", s: "x".repeat(409_600 - fixed), nums });
    const sent: string[] = [];
    const stop = Measured.use(async (call, next) => {
      sent.push(call.operation);
      return next();
    });
    try {
      await expect(Measured.create({ id: "b", s: "x".repeat(409_601 - fixed), nums })).rejects.toThrow(
        /is larger than DynamoDB's limit of 409600 bytes \(got "409601 bytes"\)/,
      );
    } finally {
      stop();
    }
    expect(sent).toEqual([]);
  });
});

describe("updates whose own values pass the limit", () => {
  it("rejects them before sending, and changes nothing", async () => {
    await Note.create({ id: "upd", text: "short" });
    const requests: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      requests.push(call.operation);
      return next();
    });
    try {
      const text = "é".repeat(205_000); // 410,000 bytes
      await expect(Note.update({ id: "upd" }, { text })).rejects.toThrow(
        /is larger than DynamoDB's limit of 409600 bytes with the key and the values this update sets \(got "41\d{4} bytes"\)/,
      );
      await expect(
        dynamodel.transaction([Note.transaction.update({ id: "upd" }, { $SET: { text } })]),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(requests).toEqual([]);
    } finally {
      stop();
    }
    expect(await storedText("upd")).toBe("short");
  });

  it("sends those under it, even when the cheap bound is over, and $IF_NOT_EXISTS values do not count", async () => {
    const text = "é".repeat(200_000); // 400,000 bytes: bound 600,000, exact under the limit
    await Note.update({ id: "upd" }, { text });
    expect(await storedText("upd")).toBe(text);
    // Not refused by the pre-flight (it may not be written at all): DynamoDB gets to decide.
    const outcome = await Note.update({ id: "upd" }, {
      text: { $IF_NOT_EXISTS: "x".repeat(500_000) },
    } as never).then(
      () => "sent",
      (error: Error) => error.name,
    );
    expect(outcome).not.toBe("ValidationError");
    expect(await storedText("upd")).toBe(text);
  });
});

describe("updates that add set members or list elements past the limit", () => {
  const addTable = uniqueTableName("itemsizeadd");
  const Bag = dynamodel.model(
    "SizedBag",
    new Schema({
      id: { type: String, hashKey: true },
      tags: { type: Set, schema: [String] },
      list: { type: Array, schema: [Number] },
      text: String,
    }),
    { tableName: addTable },
  );
  const stored = async () =>
    (await rawClient().getItem({ TableName: addTable, Key: { id: { S: "b" } }, ConsistentRead: true })).Item;

  it("rejects $ADD to a Set, $ADD to a list and $LIST_PREPEND before sending, and changes nothing", async () => {
    await Bag.create({ id: "b", text: "t", list: [1] });
    const before = await stored();
    const requests: string[] = [];
    const stop = dynamodel.use(async (call, next) => {
      requests.push(call.operation);
      return next();
    });
    const numbers = Array.from({ length: 60_000 }, (_, index) => 1e15 + index); // about 10 bytes each
    try {
      const tooBig =
        /is larger than DynamoDB's limit of 409600 bytes with the key and the values this update sets/;
      await expect(Bag.update({ id: "b" }, { $ADD: { tags: ["z".repeat(409_600)] } })).rejects.toThrow(
        tooBig,
      );
      await expect(Bag.update({ id: "b" }, { $ADD: { list: numbers } })).rejects.toThrow(tooBig);
      await expect(Bag.update({ id: "b" }, { list: { $LIST_PREPEND: numbers } } as never)).rejects.toThrow(
        tooBig,
      );
      // Together with a SET: each alone is under the limit.
      await expect(
        Bag.update({ id: "b" }, { text: "x".repeat(250_000), $ADD: { tags: ["q".repeat(250_000)] } }),
      ).rejects.toThrow(tooBig);
      await expect(
        dynamodel.transaction([
          Bag.transaction.update({ id: "b" }, { $ADD: { tags: ["z".repeat(409_600)] } }),
        ]),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(requests).toEqual([]);
    } finally {
      stop();
    }
    expect(await stored()).toEqual(before);
  });

  it("sends those under it, and a number added does not count", async () => {
    await Bag.update({ id: "b" }, { $ADD: { tags: ["y".repeat(200_000)], list: [2] } });
    const after = await stored();
    expect(after?.tags?.SS?.[0]).toHaveLength(200_000);
    expect(after?.list).toEqual({ L: [{ N: "1" }, { N: "2" }] });
  });
});

describe("the optimistic-locking version counts toward the limit", () => {
  const versionedTable = uniqueTableName("itemsize_version");
  const Versioned = dynamodel.model(
    "SizedVersioned",
    new Schema({ id: { type: String, hashKey: true }, s: String }, { version: true }),
    { tableName: versionedTable },
  );
  // "id" + a one-letter id + "s", then "version" (7) holding 1 (2 bytes): the write pipeline checked the
  // item before the version was stamped, so an item the version took over the limit reached DynamoDB.
  const withoutVersion = 2 + 1 + 1;
  const versionBytes = 7 + 2;
  const exactly = (id: string, extra: number) => ({
    id,
    s: "x".repeat(409_600 - withoutVersion - versionBytes + extra),
  });
  const storedIds = async () =>
    ((await rawClient().scan({ TableName: versionedTable, ConsistentRead: true })).Items ?? [])
      .map((item) => item.id!.S!)
      .sort();

  it("create accepts an item of exactly 409,600 bytes with its version and refuses one byte more", async () => {
    await Versioned.create(exactly("a", 0));
    await expect(Versioned.create(exactly("b", 1))).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringContaining('(got "409601 bytes")'),
    });
    expect(await storedIds()).toEqual(["a"]);
  });

  it("batchPut refuses such an item, naming its entry, before any chunk is written", async () => {
    const small = Array.from({ length: 30 }, (_, index) => ({ id: `s${index}`, s: "x" }));
    await expect(Versioned.batchPut([...small, exactly("c", 1)])).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringMatching(/^batchPut entry \[30\]: .*409601 bytes/),
    });
    expect(await storedIds()).toEqual(["a"]);
  });

  it("a transaction's create refuses it too, before anything is sent", async () => {
    await expect(
      dynamodel.transaction([Versioned.transaction.create(exactly("d", 1))]),
    ).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringContaining("409601 bytes"),
    });
    expect(await storedIds()).toEqual(["a"]);
  });
});
