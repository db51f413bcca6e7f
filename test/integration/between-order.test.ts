// between() with its bounds reversed is refused before anything is sent, naming the attribute and both
// bounds: DynamoDB refused it with a ValidationException naming neither, in key conditions and filters.
import dynamodel, { InvalidParameter, Schema } from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

beforeAll(() => dynamodel.aws.ddb.set(rawClient()));

const Reading = dynamodel.model(
  "BetweenOrder",
  new Schema({
    id: String,
    at: { type: Number, rangeKey: true },
    n: Number,
    label: String,
    when: Date,
    later: { type: Number, set: async (value: number) => value },
  }),
  { tableName: uniqueTableName("betweenOrder"), throughput: "ON_DEMAND" },
);

beforeAll(async () => {
  await Reading.create({ id: "r", at: 2, n: 3, label: "b", when: new Date(5_000), later: 4 });
});

async function sentDuring(run: () => Promise<unknown>): Promise<{ error: unknown; sent: string[] }> {
  const sent: string[] = [];
  const stop = Reading.use(async (call, next) => {
    sent.push(call.operation);
    return next();
  });
  try {
    return {
      error: await run().then(
        () => undefined,
        (error: unknown) => error,
      ),
      sent,
    };
  } finally {
    stop();
  }
}

it.each<[string, () => Promise<unknown>, string]>([
  [
    "a filter on numbers",
    () => Reading.scan("n").between(5, 1).exec(),
    'between() on "n": the low bound 5 is above the high bound 1; give the smaller one first.',
  ],
  [
    "a range key condition",
    () => Reading.query("id").eq("r").where("at").between(3, 1).exec(),
    'between() on "at": the low bound 3 is above the high bound 1',
  ],
  [
    "strings, by their UTF-8 bytes",
    () => Reading.scan("label").between("é", "z").exec(),
    'between() on "label": the low bound "é" is above the high bound "z"',
  ],
  [
    "values an asynchronous set gives",
    () => Reading.scan("later").between(5, 1).exec(),
    'between() on "later": the low bound 5 is above the high bound 1',
  ],
  [
    "Dates, as stored",
    () => Reading.scan("when").between(new Date(9_000), new Date(1_000)).exec(),
    'between() on "when": the low bound 9000 is above the high bound 1000',
  ],
])(
  "%s: an InvalidParameter naming the attribute and bounds, and nothing is sent",
  async (_label, run, message) => {
    const { error, sent } = await sentDuring(run);
    expect(error).toBeInstanceOf(InvalidParameter);
    expect((error as Error).message).toContain(message);
    expect(sent).toEqual([]);
  },
);

it("equal bounds, and bounds in order, are sent and match", async () => {
  expect(await Reading.scan("n").between(3, 3).exec()).toHaveLength(1);
  expect(await Reading.query("id").eq("r").where("at").between(1, 3).exec()).toHaveLength(1);
  expect(await Reading.scan("label").between("a", "é").exec()).toHaveLength(1);
  expect(await Reading.scan("later").between(1, 5).exec()).toHaveLength(1);
});
