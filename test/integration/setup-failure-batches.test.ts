// Batches on a table whose setup failed: each call rejects at once with its own copy of the setup's error,
// carrying its own unprocessed entries. (The copy was shared per model, so one batch's unprocessedItems
// replaced another's; and a setup failure named like throttling was "retried" by batches for seconds,
// which then resolved as if DynamoDB had only been slow.)
import dynamodel, { Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

function failingInstance(name: string): {
  instance: InstanceType<typeof dynamodel.Instance>;
  describes: () => number;
} {
  const instance = new dynamodel.Instance();
  instance.aws.ddb.set(rawClient());
  let describes = 0;
  instance.use(async (call, next) => {
    if (call.operation !== "DescribeTable") return next();
    describes += 1;
    throw Object.assign(new Error("setup refused"), { name });
  });
  return { instance, describes: () => describes };
}

it("concurrent and later batches each get their own error, with their own unprocessed entries", async () => {
  const { instance } = failingInstance("InternalServerError");
  const Thing = dynamodel.model("SetupFailureOwnErrors", new Schema({ id: { type: Number, hashKey: true } }));
  new instance.Table(uniqueTableName("setupFailureOwn"), [Thing]);
  const a = [{ id: 1 }, { id: 2 }];
  const b = [{ id: 100 }];
  const [errorA, errorB] = (await Promise.all([
    Thing.batchPut(a).catch((error: unknown) => error),
    Thing.batchPut(b).catch((error: unknown) => error),
  ])) as { name: string; model: string; unprocessedItems: unknown[] }[];
  expect(errorA).not.toBe(errorB);
  expect(errorA).toMatchObject({ name: "InternalServerError", model: "SetupFailureOwnErrors" });
  expect(errorA!.unprocessedItems).toEqual(a);
  expect(errorB!.unprocessedItems).toEqual(b);
  const later = (await Thing.batchDelete([{ id: 5 }]).catch((error: unknown) => error)) as {
    unprocessedItems: unknown[];
  };
  expect(later.unprocessedItems).toEqual([{ id: 5 }]);
  expect(errorA!.unprocessedItems).toEqual(a);
});

it("a setup failure named like throttling is not retried as the batch's own: the batch rejects at once", async () => {
  const { instance, describes } = failingInstance("ThrottlingException");
  const Thing = dynamodel.model("SetupFailureThrottled", new Schema({ id: { type: Number, hashKey: true } }));
  new instance.Table(uniqueTableName("setupFailureThrottled"), [Thing]);
  await expect(Thing.get(1)).rejects.toMatchObject({
    name: "ThrottlingException",
    operation: "DescribeTable",
  });
  const started = Date.now();
  await expect(Thing.batchPut([{ id: 1 }])).rejects.toMatchObject({
    name: "ThrottlingException",
    operation: "DescribeTable",
    unprocessedItems: [{ id: 1 }],
  });
  await expect(Thing.batchGet([1, 2])).rejects.toMatchObject({
    name: "ThrottlingException",
    unprocessedKeys: [{ id: 1 }, { id: 2 }],
  });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(describes()).toBe(1);
});
