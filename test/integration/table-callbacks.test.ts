// dynamodel's own async Table methods and listTables take a trailing Node-style callback, like every async
// method (docs/table.md): called with (error, result), returning undefined.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

function viaCallback<T>(
  start: (callback: (error: unknown, result?: T) => void) => unknown,
): Promise<[unknown, T?]> {
  return new Promise((resolve) => {
    const returned = start((error, result) => resolve([error, result]));
    expect(returned).toBeUndefined();
  });
}

describe("callbacks of the Table methods and listTables", () => {
  it("describe, delete, backup, describeBackup and listTables call back", async () => {
    const Thing = dynamodel.model("CallbackTableThing", new Schema({ id: String }), {
      tableName: uniqueTableName("callbacks"),
      throughput: "ON_DEMAND",
    });
    const table = Thing.table();
    await table.initialize();

    const [describeError, description] = await viaCallback<{ TableName?: string }>((cb) =>
      table.describe(cb),
    );
    expect(describeError).toBeNull();
    expect(description?.TableName).toBe(table.name);

    // The shared server holds more than a page of tables: the callback gets the first page, with the names
    // in order; this file's table is in that page or a later one.
    const [listError, names] = await viaCallback<string[] & { lastKey?: string }>((cb) =>
      dynamodel.listTables({ limit: 100 }, cb),
    );
    expect(listError).toBeNull();
    const all = [...names!];
    for (let page = names; page?.lastKey !== undefined; all.push(...page)) {
      page = await dynamodel.listTables({ limit: 100, startAt: page.lastKey });
    }
    expect(all).toContain(table.name);
    const [, unlimited] = await viaCallback<string[]>((cb) => dynamodel.listTables(cb));
    expect(Array.isArray(unlimited)).toBe(true);

    const [badName] = await viaCallback((cb) => table.backup("", cb));
    expect(badName).toBeInstanceOf(InvalidParameter);
    const [badArn] = await viaCallback((cb) => table.describeBackup("", cb));
    expect(badArn).toMatchObject({ name: "InvalidParameterType" });

    const [deleteError] = await viaCallback((cb) => table.delete(cb));
    expect(deleteError).toBeNull();
    await expect(rawClient().describeTable({ TableName: table.name })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });
});
