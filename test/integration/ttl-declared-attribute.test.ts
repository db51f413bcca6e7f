// A schema that declares the TTL attribute of `expires` itself. DynamoDB's TTL reads only a Number of epoch
// seconds: a declared Date is stored that way (Dynamoose replaces the declaration, so `ttl: Date` expires
// there too), a declared Number is the user's own epoch seconds, and any other type is refused at setup,
// before anything is written.
import dynamodel, { Schema } from "dynamodel";
import { rawClient, storedItem, tableExists, uniqueTableName } from "../support/local";
import { createTtlOffTable, nowSeconds } from "../support/ttl-tables";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const key = { group: { type: String, hashKey: true }, id: { type: String, rangeKey: true } } as const;

async function storedTtl(tableName: string, id: string): Promise<unknown> {
  const item = await storedItem(tableName, { group: { S: "g" }, id: { S: id } });
  return item?.ttl;
}

describe("a declared TTL attribute", () => {
  const tableName = uniqueTableName("ttlDeclared");
  beforeAll(() => createTtlOffTable(tableName));

  it("a Date (milliseconds by default) is stored as epoch seconds, with the TTL's default", async () => {
    const Session = dynamodel.model("TtlDeclaredDate", new Schema({ ...key, ttl: Date }), {
      tableName,
      create: false,
      expires: 60_000,
    });
    const before = nowSeconds();
    const created = await Session.create({ group: "g", id: "defaulted" });
    const stored = Number(((await storedTtl(tableName, "defaulted")) as { N: string }).N);
    expect(stored).toBeGreaterThanOrEqual(before + 60);
    expect(stored).toBeLessThanOrEqual(nowSeconds() + 61);
    expect(created.ttl).toBeInstanceOf(Date);

    const at = new Date("2030-01-02T03:04:05.678Z");
    await Session.create({ group: "g", id: "given", ttl: at });
    expect(await storedTtl(tableName, "given")).toEqual({ N: String(Math.round(at.getTime() / 1000)) });
    const read = await Session.get({ group: "g", id: "given" });
    expect(read?.ttl).toEqual(new Date("2030-01-02T03:04:06.000Z"));
  });

  it("numbers given for a Date declared in milliseconds are read as milliseconds, and stored as seconds", async () => {
    const tableName = uniqueTableName("ttlDeclaredMs");
    await createTtlOffTable(tableName);
    const Session = dynamodel.model(
      "TtlDeclaredMs",
      new Schema({ ...key, ttl: { type: Date, default: () => Date.now() + 5_000 } }),
      { tableName, create: false, expires: { ttl: 60_000, items: { returnExpired: false } } },
    );
    const before = nowSeconds();
    await Session.create({ group: "g", id: "defaulted" });
    const stored = Number(((await storedTtl(tableName, "defaulted")) as { N: string }).N);
    expect(stored).toBeGreaterThanOrEqual(before + 5);
    expect(stored).toBeLessThanOrEqual(nowSeconds() + 6);
    await Session.create({ group: "g", id: "given", ttl: 1_900_000_000_000 });
    expect(await storedTtl(tableName, "given")).toEqual({ N: "1900000000" });
    expect((await Session.get({ group: "g", id: "given" }))?.ttl).toEqual(new Date(1_900_000_000_000));
    // $ADD moves it by milliseconds too: an hour is 3,600 stored seconds.
    await Session.update({ group: "g", id: "given" }, { $ADD: { ttl: 3_600_000 } });
    expect(await storedTtl(tableName, "given")).toEqual({ N: "1900003600" });
    await Session.create({ group: "g", id: "past", ttl: Date.now() - 10_000 });
    expect(await Session.get({ group: "g", id: "past" })).toBeUndefined();

    const Seconds = dynamodel.model(
      "TtlDeclaredSeconds",
      new Schema({ ...key, ttl: { type: { value: Date, settings: { storage: "seconds" } } } }),
      { tableName, create: false, expires: { ttl: 60_000, items: { returnExpired: false } } },
    );
    await Seconds.create({ group: "g", id: "seconds", ttl: 1_900_000_000 });
    expect(await storedTtl(tableName, "seconds")).toEqual({ N: "1900000000" });
  });

  it("a declared default wins over the TTL's", async () => {
    const at = new Date("2031-05-06T07:08:09.000Z");
    const Session = dynamodel.model(
      "TtlDeclaredDefault",
      new Schema({ ...key, ttl: { type: Date, default: () => at } }),
      { tableName, create: false, expires: 60_000 },
    );
    await Session.create({ group: "g", id: "own-default" });
    expect(await storedTtl(tableName, "own-default")).toEqual({ N: String(at.getTime() / 1000) });
  });

  it("a Number is stored as given, and gets now + ttl in epoch seconds by default", async () => {
    const tableName = uniqueTableName("ttlDeclaredNumber");
    await createTtlOffTable(tableName);
    const Session = dynamodel.model("TtlDeclaredNumber", new Schema({ ...key, ttl: Number }), {
      tableName,
      create: false,
      expires: { ttl: 120_000, items: { returnExpired: false } },
    });
    await Session.create({ group: "g", id: "number-given", ttl: 1_900_000_000 });
    expect(await storedTtl(tableName, "number-given")).toEqual({ N: "1900000000" });
    const before = nowSeconds();
    await Session.create({ group: "g", id: "number-defaulted" });
    const stored = Number(((await storedTtl(tableName, "number-defaulted")) as { N: string }).N);
    expect(stored).toBeGreaterThanOrEqual(before + 120);
    expect(stored).toBeLessThanOrEqual(nowSeconds() + 121);
    await Session.create({ group: "g", id: "number-expired", ttl: nowSeconds() - 10 });
    expect(await Session.get({ group: "g", id: "number-expired" })).toBeUndefined();
  });

  it.each([
    ["String", { type: String }, "string"],
    ["ISO Date", { type: { value: Date, settings: { storage: "iso" } } }, "date"],
    ["Boolean", { type: Boolean }, "boolean"],
    ["Object", { type: Object, schema: { at: Number } }, "object"],
    ["Number | String", { type: [Number, String] }, "number | string"],
  ])(
    "a %s is refused at the first use, naming the attribute, and nothing is written",
    async (label, ttl, named) => {
      const model = dynamodel.model(
        `TtlDeclaredBad${label.replace(/\W/g, "")}`,
        new Schema({ ...key, ttl }),
        {
          tableName,
          create: false,
          expires: 60_000,
        },
      );
      const id = `bad-${label}`;
      const outcome = model.create({ group: "g", id, ttl: undefined } as never);
      await expect(outcome).rejects.toMatchObject({
        name: "InvalidParameter",
        message: expect.stringContaining(`attribute "ttl" is the table's TTL attribute`),
      });
      await expect(outcome).rejects.toThrow(`declares it as ${named}`);
      expect(await storedItem(tableName, { group: { S: "g" }, id: { S: id } })).toBeUndefined();
    },
  );

  it("an alias named as the TTL attribute is refused", async () => {
    const model = dynamodel.model(
      "TtlDeclaredAlias",
      new Schema({ ...key, expiresAt: { type: Number, alias: "ttl" } }),
      { tableName, create: false, expires: 60_000 },
    );
    await expect(model.create({ group: "g", id: "alias" })).rejects.toThrow(
      `"ttl" is the table's TTL attribute (expires.attribute) and an alias of attribute "expiresAt"`,
    );
    expect(await storedItem(tableName, { group: { S: "g" }, id: { S: "alias" } })).toBeUndefined();
  });

  it("a refused declaration creates no table", async () => {
    const missing = uniqueTableName("ttlRefused");
    const model = dynamodel.model("TtlDeclaredNoTable", new Schema({ ...key, ttl: String }), {
      tableName: missing,
      throughput: "ON_DEMAND",
      expires: 60_000,
    });
    await expect(model.get({ group: "g", id: "x" })).rejects.toThrow("declares it as string");
    await expect(model.create({ group: "g", id: "x" })).rejects.toThrow("declares it as string");
    expect(await tableExists(missing)).toBe(false);
  });

  it("new Table() refuses it and leaves every one of its models free for another table", async () => {
    const Good = dynamodel.model("TtlDeclaredTableGood", new Schema({ ...key, ttl: Date }), {
      create: false,
    });
    const Bad = dynamodel.model("TtlDeclaredTableBad", new Schema({ ...key, ttl: Boolean }), {
      create: false,
    });
    expect(() => new dynamodel.Table(tableName, [Good, Bad], { expires: 60_000, create: false })).toThrow(
      'Model "TtlDeclaredTableBad": attribute "ttl" is the table\'s TTL attribute',
    );
    const other = uniqueTableName("ttlDeclaredOther");
    await createTtlOffTable(other);
    new dynamodel.Table(other, [Good, Bad], { create: false });
    await Bad.create({ group: "g", id: "free", ttl: true });
    expect(await storedItem(other, { group: { S: "g" }, id: { S: "free" } })).toEqual({
      group: { S: "g" },
      id: { S: "free" },
      ttl: { BOOL: true },
    });
  });
});
