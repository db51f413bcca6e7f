// Calls refused before they can start, on models that something observes: settings that are no options
// object are refused as they are on a model nothing observes (a hook's context once made them `{}`, so
// the call ran with no settings), and a refused key or options object reaches the error handlers and the
// `error` event, as later failures do. Nothing is written in any of these.
import dynamodel, { InvalidParameter, InvalidParameterType, Schema } from "dynamodel";
import { rawClient, storedItem, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const tableName = uniqueTableName("hookRefusals");

async function storedIds(): Promise<string[]> {
  const { Items } = await rawClient().scan({ TableName: tableName, ConsistentRead: true });
  return (Items ?? []).map((item) => item.id!.N!).sort();
}

describe("settings that are no options object, on an observed model", () => {
  const observed = new Schema({ id: Number, n: Number });
  const preHooksRan: string[] = [];
  observed.pre(["get", "update", "batchGet", "batchPut", "batchDelete"], function () {
    preHooksRan.push(this.operation);
  });
  const Observed = dynamodel.model("HookRefusalsObserved", observed, { tableName, throughput: "ON_DEMAND" });
  const Plain = dynamodel.model("HookRefusalsPlain", { id: Number, n: Number }, { tableName });

  beforeAll(async () => {
    await Observed.create({ id: 1, n: 1 });
  });

  it.each([
    ["get(1, 5)", (model: typeof Observed) => model.get(1, 5 as never)],
    ['get(1, "x")', (model: typeof Observed) => model.get(1, "x" as never)],
    ["get(1, [])", (model: typeof Observed) => model.get(1, [] as never)],
    ["update(key, changes, [])", (model: typeof Observed) => model.update({ id: 1 }, { n: 2 }, [] as never)],
    ["batchGet([1], [])", (model: typeof Observed) => model.batchGet([1], [] as never)],
    ["batchPut([{id: 2}], [])", (model: typeof Observed) => model.batchPut([{ id: 2 }], [] as never)],
    ["batchDelete([1], 7)", (model: typeof Observed) => model.batchDelete([1], 7 as never)],
  ])("%s is refused as on a model nothing observes, and writes nothing", async (_label, call) => {
    const unobserved = call(Plain as unknown as typeof Observed);
    await expect(unobserved).rejects.toBeInstanceOf(InvalidParameterType);
    const { message } = (await unobserved.catch((error: unknown) => error)) as Error;
    await expect(call(Observed)).rejects.toThrow(new InvalidParameterType(message));
    expect(await storedIds()).toEqual(["1"]);
    expect(await storedItem(tableName, { id: { N: "1" } })).toEqual({ id: { N: "1" }, n: { N: "1" } });
  });

  it("pre hooks still see an options object as a copy they may change", async () => {
    preHooksRan.length = 0;
    const read = await Observed.get(1, { attributes: ["id"] });
    expect(read?.toJSON()).toEqual({ id: 1 });
    expect(preHooksRan).toEqual(["get"]);
  });
});

describe("a key or options refused before the call starts", () => {
  const schema = new Schema({ id: Number });
  const handled: string[] = [];
  schema.pre(["save", "delete"], function () {
    handled.push("pre");
  });
  for (const operation of ["save", "delete"] as const) {
    schema.post(operation, function (error: unknown, _result: unknown, next: (error?: unknown) => void) {
      handled.push(`${operation} handler: ${(error as Error).name}`);
      next(new Error(`replaced ${operation}: ${(error as Error).message}`));
    });
  }
  const Refused = dynamodel.model("HookRefusalsKeys", schema, { tableName });
  const emitted: unknown[] = [];
  Refused.on("error", (error) => emitted.push((error as Error).message));
  beforeEach(() => {
    handled.length = 0;
    emitted.length = 0;
  });

  it.each([
    ["Model.delete(undefined)", () => Refused.delete(undefined as never), "delete"],
    ["Model.delete([1])", () => Refused.delete([1] as never), "delete"],
  ])("%s reaches the delete error handlers and the error event", async (_label, call, operation) => {
    const outcome = call();
    await expect(outcome).rejects.toThrow(/^replaced delete: .*hash key "id"/);
    expect(handled).toEqual([`${operation} handler: InvalidParameter`]);
    expect(emitted).toEqual([expect.stringMatching(/^replaced delete: /)]);
    expect(await storedIds()).toEqual(["1"]);
  });

  it("Model.create(object, {bogus}) reaches the save error handlers and the error event, writing nothing", async () => {
    await expect(Refused.create({ id: 9 }, { bogus: 1 } as never)).rejects.toThrow(
      'replaced save: create: unknown option "bogus"',
    );
    expect(handled).toEqual(["save handler: InvalidParameter"]);
    expect(emitted).toEqual([
      'replaced save: create: unknown option "bogus" (allowed: overwrite, condition, return).',
    ]);
    expect(await storedItem(tableName, { id: { N: "9" } })).toBeUndefined();
  });

  it("without an observer the refusals are the errors themselves", async () => {
    const Unobserved = dynamodel.model("HookRefusalsUnobserved", { id: Number }, { tableName });
    await expect(Unobserved.delete(undefined as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(Unobserved.create({ id: 9 }, { bogus: 1 } as never)).rejects.toThrow(
      'create: unknown option "bogus"',
    );
    expect(await storedItem(tableName, { id: { N: "9" } })).toBeUndefined();
  });
});
