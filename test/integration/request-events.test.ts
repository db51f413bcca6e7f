// The global `request` and `response` events (SPEC §9): their payload, with durationMs on both.
import dynamodel from "dynamodel";
import { rawClient, uniqueTableName } from "../support/local";

describe("request and response events", () => {
  it("carry {operation, input, model, table, durationMs}; durationMs is 0 on request", async () => {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const Timed = dynamodel.model("TimedModel", { id: String });
    const table = new instance.Table(uniqueTableName("timed"), [Timed], { throughput: "ON_DEMAND" });
    await table.initialize();
    const requests: Record<string, unknown>[] = [];
    const responses: Record<string, unknown>[] = [];
    instance.events.on("request", (event: Record<string, unknown>) => void requests.push(event));
    instance.events.on("response", (event: Record<string, unknown>) => void responses.push(event));
    await Timed.create({ id: "a" });
    await expect(Timed.create({ id: "a" })).rejects.toThrow();

    expect(requests).toHaveLength(2);
    expect(Object.keys(requests[0]!).sort()).toEqual(["durationMs", "input", "model", "operation", "table"]);
    expect(requests[0]).toMatchObject({
      operation: "PutItem",
      model: "TimedModel",
      table: table.name,
      durationMs: 0,
      input: expect.objectContaining({ TableName: table.name }),
    });
    expect(requests[1]!.durationMs).toBe(0);
    const [ok, failed] = responses as [Record<string, unknown>, Record<string, unknown>];
    expect(ok).toMatchObject({ operation: "PutItem", output: expect.any(Object) });
    expect(failed).toMatchObject({ operation: "PutItem", error: expect.any(Error) });
    for (const event of [ok, failed]) {
      expect(typeof event.durationMs).toBe("number");
      expect(event.durationMs).toBeGreaterThan(0);
    }
  });
});

// docs/logging.md: "Middleware (dynamodel.use) can change calls; neither the logger nor events can." Each
// listener's payload is its own copy: changing it, however deep, changes neither what is sent nor what the
// caller reads.
describe("request and response listeners observe a call; they cannot change it", () => {
  async function listenedModel(name: string) {
    const instance = new dynamodel.Instance();
    instance.aws.ddb.set(rawClient());
    const Pet = dynamodel.model(name, {
      id: String,
      name: String,
      tags: { type: Array, schema: [String] },
      photo: Buffer,
    });
    const table = new instance.Table(uniqueTableName("listened"), [Pet], { throughput: "ON_DEMAND" });
    await table.initialize();
    return { instance, Pet, table };
  }
  type Image = Record<string, { S?: string; L?: { S?: string }[]; B?: Uint8Array }>;

  it("a request listener changing its input (an attribute, a list element, bytes, the key) changes nothing sent", async () => {
    const { instance, Pet, table } = await listenedModel("ListenedPutPet");
    const seen: string[] = [];
    instance.events.on("request", (event: { operation: string; input: { Item?: Image; Key?: Image } }) => {
      seen.push(event.operation);
      const image = event.input.Item ?? event.input.Key!;
      image.id = { S: "from listener" };
      if (event.input.Item) {
        event.input.Item.name = { S: "from listener" };
        event.input.Item.tags!.L![0] = { S: "from listener" };
        event.input.Item.photo!.B![0] = 0;
      }
    });
    await Pet.create({ id: "a", name: "mine", tags: ["one"], photo: Buffer.from("hi") });
    await Pet.update({ id: "a" }, { name: "updated" });

    expect(seen).toEqual(["PutItem", "UpdateItem"]);
    const { Items } = await rawClient().scan({ TableName: table.name, ConsistentRead: true });
    expect(Items).toEqual([
      {
        id: { S: "a" },
        name: { S: "updated" },
        tags: { L: [{ S: "one" }] },
        photo: { B: new Uint8Array(Buffer.from("hi")) },
      },
    ]);
  });

  it("a response listener changing its output changes nothing the operation resolves with", async () => {
    const { instance, Pet } = await listenedModel("ListenedGetPet");
    await Pet.create({ id: "a", name: "mine", tags: ["one"] });
    const outputs: unknown[] = [];
    instance.events.on("response", (event: { output?: { Item?: Image; Items?: Image[] } }) => {
      for (const image of [event.output?.Item, ...(event.output?.Items ?? [])]) {
        if (!image) continue;
        image.name = { S: "from listener" };
        image.tags!.L!.push({ S: "from listener" });
        outputs.push(image);
      }
    });

    const got = await Pet.get("a");
    const queried = await Pet.query("id").eq("a").exec();
    expect(outputs).toHaveLength(2); // the listener did see both outputs
    expect(got?.toJSON()).toEqual({ id: "a", name: "mine", tags: ["one"] });
    expect(queried.map((item) => item.toJSON())).toEqual([{ id: "a", name: "mine", tags: ["one"] }]);
  });
});
