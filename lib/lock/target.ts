// Where a lock lives: the table `lock()` was given (a dynamodel Table, a Model, or a table name), its key
// layout, and how calls reach it. Every call goes through the library's single send path with the
// right instance's client, middleware and events: a Table or Model through `table.raw()` (which waits
// for the table's setup flow), a name through the Instance `lock()` was called on.
import type { AttributeDefinition, KeySchemaElement, TableDescription } from "@aws-sdk/client-dynamodb";
import type { OperationName } from "../client/operations";
import { send } from "../client/send";
import { describeValue, InvalidParameter } from "../errors";
import type { Instance } from "../instance";
import { modelRuntimeOf } from "../model/runtime";
import { publicTableOf, Table } from "../table/table-class";
import type { TableRuntime } from "../table/table";

/** The key attributes of the lock's table. */
export interface LockKeyLayout {
  readonly hashKey: string;
  /** Set when the table has a range key; the lock item's range key is then a fixed string. */
  readonly rangeKey: string | undefined;
}

export interface LockTarget {
  /** The table's full name. */
  readonly table: string;
  readonly layout: LockKeyLayout;
  send<Output>(operation: OperationName, input: object): Promise<Output>;
}

/** What `lock()` accepts as its table: a dynamodel Table, a Model, or the name of an existing table. */
export type LockTable = Table | string | { table(): Table };

/** The key layout of a table description (DescribeTable's or a CreateTable input, the same shape). */
function layoutOf(
  table: string,
  description: { KeySchema?: KeySchemaElement[]; AttributeDefinitions?: AttributeDefinition[] },
): LockKeyLayout {
  const keyOf = (type: "HASH" | "RANGE") =>
    description.KeySchema?.find((element) => element.KeyType === type)?.AttributeName;
  const typeOf = (name: string) =>
    description.AttributeDefinitions?.find((definition) => definition.AttributeName === name)?.AttributeType;
  const hashKey = keyOf("HASH");
  const rangeKey = keyOf("RANGE");
  if (hashKey === undefined) throw new InvalidParameter(`lock(): table "${table}" has no hash key.`);
  // Lock names are strings, and the fixed range value is one too: other key types cannot hold them.
  for (const key of rangeKey === undefined ? [hashKey] : [hashKey, rangeKey]) {
    const type = typeOf(key);
    if (type !== undefined && type !== "S") {
      throw new InvalidParameter(
        `lock(): the key attribute "${key}" of table "${table}" must be a String to hold a lock (it is ${type}).`,
      );
    }
  }
  return { hashKey, rangeKey };
}

/** A dynamodel table `lock()` was given, with the model it was given through, if any. */
interface GivenTable {
  readonly table: Table;
  /** The model's name and its table's runtime, when a Model was given. */
  readonly model?: { readonly name: string; readonly table: TableRuntime };
}

function givenTableOf(value: unknown): GivenTable | undefined {
  if (value instanceof Table) return { table: value };
  if ((typeof value === "function" || typeof value === "object") && value !== null) {
    try {
      const runtime = modelRuntimeOf(value);
      return { table: publicTableOf(runtime.table), model: { name: runtime.name, table: runtime.table } };
    } catch {
      return undefined; // not a model
    }
  }
  return undefined;
}

async function tableTarget({ table, model }: GivenTable): Promise<LockTarget> {
  // The CreateTable input is built from the models' schemas (pure, nothing sent): the key layout, checked
  // before anything is sent, so a table that cannot hold a lock is not created for one.
  const definition = await table.create({ return: "request" });
  const layout = layoutOf(table.name, definition);
  // Given a Model, the lock waits for the table's setup as the model's own requests do, so a setup failure
  // names the model (SPEC §8) rather than nothing.
  if (model !== undefined) await model.table.ready(model.name);
  return {
    table: table.name,
    layout,
    send: (operation, input) => table.raw(operation, input),
  };
}

async function namedTarget(instance: Instance, name: string): Promise<LockTarget> {
  const sendTo = <Output>(operation: OperationName, input: object) =>
    send<Output>(
      { client: instance.sender, middleware: instance.middleware, events: instance.events },
      { operation, input, table: name },
    );
  const output = await sendTo<{ Table?: TableDescription }>("DescribeTable", { TableName: name });
  return { table: name, layout: layoutOf(name, output.Table ?? {}), send: sendTo };
}

/**
 * Resolves `lock()`'s table argument. A Table or Model uses its own instance; a name uses `instance`
 * (one DescribeTable learns its keys).
 */
export function resolveLockTarget(instance: Instance, value: unknown): Promise<LockTarget> {
  if (typeof value === "string" && value !== "") return namedTarget(instance, value);
  const given = givenTableOf(value);
  if (given === undefined) {
    throw new InvalidParameter(
      `lock(): table must be a dynamodel Table, a Model or a table name (got ${describeValue(value)}).`,
    );
  }
  return tableTarget(given);
}
