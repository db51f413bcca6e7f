// `npm run demo`: a short tour of dynamodel against an embedded DynamoDB Local.
// It starts the server, works with it, prints what it does, stops the server and exits 0.
import dynamodel, { Condition, Schema, TransactionCanceledError } from "dynamodel";
import { startLocal } from "dynamodel/local";

function step(text: string): void {
  console.log(`\n▸ ${text}`);
}

async function main(): Promise<void> {
  step("Starting DynamoDB Local (Java, in memory, on a free port)…");
  const started = Date.now();
  const local = await startLocal();
  console.log(`  listening on ${local.endpoint} after ${Date.now() - started} ms`);
  dynamodel.aws.ddb.set(local.client);
  // Show every DynamoDB call the library makes.
  dynamodel.use(async (call, next) => {
    console.log(`  → ${call.operation} ${call.table}`);
    return next();
  });

  try {
    step('Defining the model "Cat" (its table is created on first use)');
    const Cat = dynamodel.model(
      "Cat",
      new Schema(
        {
          id: { type: Number, hashKey: true },
          name: { type: String, required: true },
          address: { type: Object, schema: { city: String, street: String } },
          tags: { type: Set, schema: [String] },
          lives: { type: Number, default: 9 },
        },
        { timestamps: true },
      ),
      { throughput: "ON_DEMAND" },
    );

    step("Creating Tom");
    const tom = await Cat.create({
      id: 1,
      name: "Tom",
      address: { city: "Oslo", street: "Main" },
      tags: ["grey"],
    });
    console.log(`  saved: ${JSON.stringify(tom.toJSON())}`);

    step("Getting him back, moving him to Bergen and saving only what changed");
    const loaded = (await Cat.get(1))!;
    loaded.address!.city = "Bergen";
    console.log(`  modified paths: ${JSON.stringify(loaded.modifiedPaths())}`);
    await loaded.save();
    console.log(`  stored city: ${(await Cat.get(1))!.address!.city}`);

    step("Trying to save a cat without a name");
    await Cat.create({ id: 2 } as never).catch((error: Error) =>
      console.log(`  ${error.name}: ${error.message}`),
    );

    step('Querying: cat 1, if it has more than 5 lives and the tag "grey"');
    const grey = await Cat.query("id").eq(1).filter("lives").gt(5).filter("tags").contains("grey").exec();
    console.log(
      `  found ${grey.map((cat) => cat.name).join(", ")} (read ${grey.queriedCount}, sent ${grey.timesQueried} request)`,
    );

    step("A transaction over two models: Tom adopts a toy, and the toy is marked taken, atomically");
    const Toy = dynamodel.model(
      "Toy",
      new Schema({ id: { type: String, hashKey: true }, owner: Number, taken: Boolean }),
      { throughput: "ON_DEMAND" },
    );
    await Toy.create({ id: "mouse", taken: false });
    await dynamodel.transaction([
      Toy.transaction.update(
        "mouse",
        { owner: 1, taken: true },
        { condition: new Condition("taken").eq(false) },
      ),
      Cat.transaction.update(1, { $ADD: { tags: ["toy owner"] } }),
    ]);
    console.log(`  mouse: ${JSON.stringify((await Toy.get("mouse"))!.toJSON())}`);

    step("The same toy again, for cat 3: the condition fails, so nothing is written");
    await dynamodel
      .transaction([
        Cat.transaction.create({ id: 3, name: "Felix" }),
        Toy.transaction.update("mouse", { owner: 3 }, { condition: new Condition("taken").eq(false) }),
      ])
      .catch((error: unknown) => {
        if (!(error instanceof TransactionCanceledError)) throw error;
        for (const reason of error.reasons) {
          const stored = reason.item
            ? ` (stored: owner ${String((reason.item as { owner?: number }).owner)})`
            : "";
          console.log(
            `  element ${reason.index}, ${reason.model} ${JSON.stringify(reason.key)}: ${reason.code}${stored}`,
          );
        }
      });
    console.log(`  Cat.get(3) → ${String(await Cat.get(3))}`);

    step("Deleting Tom");
    await loaded.delete();
    console.log(`  Cat.get(1) → ${String(await Cat.get(1))}`);

    step("Listing tables");
    const { TableNames = [] } = await local.client.listTables({});
    for (const name of TableNames) console.log(`  • ${name}`);
  } finally {
    step("Stopping DynamoDB Local");
    await local.stop();
    console.log("  stopped. Done.");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
