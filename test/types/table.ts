// Table, Instance and logger typing.
import type { BackupDetails, CreateTableCommandInput, TableDescription } from "@aws-sdk/client-dynamodb";
import dynamodel, {
  Instance,
  Table,
  listTables,
  logger,
  model,
  type LogEvent,
  type TableNames,
} from "dynamodel";
import type { Equal, Expect } from "./assert";

const Cat = model("TypesTableCat", { id: String });
const table = new Table("Cats", [Cat], {
  throughput: "ON_DEMAND",
  expires: { ttl: 1000, items: { returnExpired: false } },
});
new dynamodel.Table("Cats", [Cat], {
  update: ["indexes", "ttl"],
  waitForActive: false,
  tableClass: "infrequentAccess",
});
// @ts-expect-error: not an update part
new Table("Cats", [Cat], { update: ["everything"] });
// A global table (Dynamoose's Table.mdx example): replica regions, and "replication" as an update part.
new Table("Cats", [Cat], {
  create: true,
  update: ["throughput", "indexes", "ttl", "tableClass", "replication"],
  replication: { regions: ["us-west-2", "us-west-1"] },
  throughput: "ON_DEMAND",
});
const regions: string[] = ["eu-west-1"];
model("TypesTableGlobalCat", { id: String }, { replication: { regions } });
// @ts-expect-error: regions is a list
new Table("Cats", [Cat], { replication: { regions: "us-west-2" } });
// @ts-expect-error: regions is required
new Table("Cats", [Cat], { replication: {} });
// @ts-expect-error: not a table class
new Table("Cats", [Cat], { tableClass: "cold" });

// Each resolves as a Promise, or (given a trailing callback) calls it and returns undefined.
const describeTable = () => table.describe();
const backUp = () => table.backup("nightly");
const listNames = () => listTables({ limit: 5 });
type _Described = Expect<Equal<ReturnType<typeof describeTable>, Promise<TableDescription | undefined>>>;
type _Backup = Expect<Equal<ReturnType<typeof backUp>, Promise<BackupDetails | undefined>>>;
type _Handle = Expect<Equal<ReturnType<typeof Cat.table>, Table>>;
type _Names = Expect<Equal<Awaited<ReturnType<typeof listNames>>, TableNames>>;
const describedBack: undefined = table.describe((error, description) => void [error, description?.TableName]);
const listedBack: undefined = listTables((error, names) => void [error, names?.lastKey]);
void [describeTable, backUp, listNames, describedBack, listedBack];

const other = new Instance();
new other.Table("Cats", [Cat]);
other.Table.defaults.set({ prefix: "p_" });

void logger().then((api) => {
  api.providers.add({
    log: (event) => void (event as LogEvent).category,
    filter: { level: "warn+", category: ["aws:*"] },
  });
  api.providers.set(console);
  const status: "active" | "paused" = api.status();
  void status;
});
