// Pure: the compiled schemas of a table's models → the CreateTable input (keys, attribute
// definitions, indexes, billing). No client here; table.ts sends it.
import type {
  AttributeDefinition,
  CreateTableCommandInput,
  KeySchemaElement,
  Projection,
  StreamViewType,
} from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import type { CompiledSchema, IndexSpec } from "../schema/compiled";

/** A table's capacity as resolved (both units known), or on-demand billing. */
export type ResolvedThroughput = number | { read: number; write: number } | "ON_DEMAND";

export interface TableDefinitionOptions {
  throughput: ResolvedThroughput;
  tableClass?: "standard" | "infrequentAccess";
  tags?: Readonly<Record<string, string>>;
  streamOptions?: { enabled: boolean; type: string | undefined };
  /** Attributes every read needs (TableRuntime.readNeeds): INCLUDE projections hold them too. */
  readNeeds?: readonly string[];
}

/** The SDK's names for the table classes. */
export const TABLE_CLASSES = {
  standard: "STANDARD",
  infrequentAccess: "STANDARD_INFREQUENT_ACCESS",
} as const;

type KeyType = "S" | "N" | "B";

/**
 * The DynamoDB type of a key attribute of the table or of an index. Every model of the table that
 * declares it must give it the same type: DynamoDB has one AttributeDefinition per name, and a model
 * writing another type would fail at run time ("Type mismatch for key").
 */
export function keyAttributeType(schemas: readonly CompiledSchema[], name: string): KeyType {
  const types = new Set<KeyType>();
  for (const schema of schemas) {
    const type = keyAttributeTypeIn(schema, name);
    if (type !== undefined) types.add(type);
  }
  if (types.size === 0) throw new InvalidParameter(`Key attribute "${name}" is not defined in the schema.`);
  if (types.size > 1) {
    throw new InvalidParameter(
      `Key attribute "${name}" must have the same type in every model of the table (found ${[...types].join(" and ")}).`,
    );
  }
  return [...types][0]!;
}

function keyAttributeTypeIn(schema: CompiledSchema, name: string): KeyType | undefined {
  // A key of an index may be a flattened sub-attribute, found by its stored name.
  const attribute =
    schema.shape.byName.get(name) ?? schema.shape.flattened?.byStoredName.get(name)?.attribute;
  const variant = attribute?.variants[0];
  if (!attribute || !variant) return undefined;
  if (attribute.variants.length > 1) {
    throw new InvalidParameter(`You can not have multiple types for attribute definition: ${name}.`);
  }
  if (variant.kind === "scalar" && ["S", "N", "B"].includes(variant.type.dynamoType)) {
    return variant.type.dynamoType as KeyType;
  }
  if (variant.kind === "combine") return "S";
  if (variant.kind === "reference") {
    const model = variant.target.resolve();
    if (model.rangeKey === undefined) return model.hashType.dynamoType as KeyType;
  }
  throw new InvalidParameter(`Key attribute "${name}" must be a string, number or binary type.`);
}

export function provisioned(throughput: Exclude<ResolvedThroughput, "ON_DEMAND">) {
  return typeof throughput === "number"
    ? { ReadCapacityUnits: throughput, WriteCapacityUnits: throughput }
    : { ReadCapacityUnits: throughput.read, WriteCapacityUnits: throughput.write };
}

/**
 * An index's projection; an INCLUDE projection also holds the attributes every read of the table needs
 * (TableRuntime.readNeeds): without them an item read through the index could not be told apart or
 * checked for expiry.
 */
export function projection(index: IndexSpec, readNeeds: readonly string[] = []): Projection {
  if (index.project === true) return { ProjectionType: "ALL" };
  if (index.project === false) return { ProjectionType: "KEYS_ONLY" };
  const projected = index.project;
  const added = readNeeds.filter((name) => !projected.includes(name));
  // `project: []` with nothing every read needs is the keys alone: DynamoDB refuses an empty INCLUDE list.
  if (projected.length === 0 && added.length === 0) return { ProjectionType: "KEYS_ONLY" };
  return { ProjectionType: "INCLUDE", NonKeyAttributes: [...projected, ...added] };
}

export function keySchema(hashKey: string, rangeKey: string | undefined): KeySchemaElement[] {
  const keys: KeySchemaElement[] = [{ AttributeName: hashKey, KeyType: "HASH" }];
  if (rangeKey !== undefined) keys.push({ AttributeName: rangeKey, KeyType: "RANGE" });
  return keys;
}

/** What an index is, for telling two declarations of one name apart (throughput aside). */
function indexShape(index: IndexSpec): string {
  const project = Array.isArray(index.project) ? [...index.project].sort() : index.project;
  return JSON.stringify([index.type, index.hashKey, index.rangeKey ?? null, project]);
}

/**
 * The table's indexes by name, from every schema of its models. Two declarations of one name must be the
 * same index: DynamoDB has one index per name, so the other model's queries would read an index with other
 * keys (missing its items) or of another kind, with no error.
 */
function indexesOf(schemas: readonly CompiledSchema[], onDemand: boolean): Map<string, IndexSpec> {
  const indexes = new Map<string, IndexSpec>();
  for (const schema of schemas) {
    for (const index of schema.indexes) {
      const earlier = indexes.get(index.name);
      if (
        earlier !== undefined &&
        (indexShape(earlier) !== indexShape(index) ||
          (!onDemand && !sameCapacity(earlier.throughput, index.throughput)))
      ) {
        throw new InvalidParameter(
          `Index "${index.name}" is declared twice in the table's schemas, differently: ${describeIndex(earlier)} ` +
            `and ${describeIndex(index)}. Give one of them another name.`,
        );
      }
      // A declaration without throughput takes the other's.
      if (earlier === undefined || ownCapacity(index.throughput) !== undefined)
        indexes.set(index.name, index);
    }
  }
  return indexes;
}

/** An index's own capacity in DynamoDB's terms; undefined where it takes the table's. */
function ownCapacity(throughput: IndexSpec["throughput"]): string | undefined {
  if (throughput === undefined || throughput === null || throughput === "ON_DEMAND") return undefined;
  const { ReadCapacityUnits, WriteCapacityUnits } = provisioned(throughput);
  return `${ReadCapacityUnits}/${WriteCapacityUnits}`;
}

/** Whether two declarations ask for the same capacity (one that asks for none takes the other's). */
function sameCapacity(a: IndexSpec["throughput"], b: IndexSpec["throughput"]): boolean {
  const [first, second] = [ownCapacity(a), ownCapacity(b)];
  return first === undefined || second === undefined || first === second;
}

function describeIndex(index: IndexSpec): string {
  const range = index.rangeKey === undefined ? "" : `, range key "${index.rangeKey}"`;
  const throughput = index.throughput === undefined ? "" : `, throughput ${JSON.stringify(index.throughput)}`;
  return `a ${index.type} index on hash key "${index.hashKey}"${range}, project ${JSON.stringify(index.project)}${throughput}`;
}

/** DynamoDB's rule for table and index names. */
const VALID_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/**
 * Refuses a table or index name DynamoDB would refuse, before a CreateTable or an index's UpdateTable is
 * sent (`create({return: "request"})` hands the input out as it is).
 */
export function checkNames(input: CreateTableCommandInput): void {
  checkName("Table", input.TableName ?? "");
  for (const index of [...(input.GlobalSecondaryIndexes ?? []), ...(input.LocalSecondaryIndexes ?? [])])
    checkName("Index", index.IndexName ?? "");
}

/** A table's ARN, which DynamoDB takes wherever it takes a table's name: its name follows `table/`. */
const TABLE_ARN = /^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/(.*)$/;

/** Refuses a table (or index) name DynamoDB would refuse, naming it (DynamoDB's error names neither). */
export function checkName(what: "Table" | "Index", nameOrArn: string): void {
  const name = what === "Table" ? (TABLE_ARN.exec(nameOrArn)?.[1] ?? nameOrArn) : nameOrArn;
  if (!VALID_NAME.test(name)) {
    throw new InvalidParameter(
      `${what} name "${nameOrArn}" is not one DynamoDB takes: 3 to 255 letters, digits, "_", "-" or ".".`,
    );
  }
}

/**
 * What DynamoDB would refuse of a CreateTable input, refused before it is sent with what to change: the
 * names, and local indexes (each sorts the table's hash key by another attribute, so the table needs a
 * range key; at most 5). `create({return: "request"})` hands the input out unchecked, as Dynamoose does.
 */
export function checkCreatable(input: CreateTableCommandInput): void {
  checkNames(input);
  const tableName = input.TableName ?? "";
  const locals = input.LocalSecondaryIndexes ?? [];
  const hasRangeKey = input.KeySchema?.some((key) => key.KeyType === "RANGE") ?? false;
  if (locals.length > 0 && !hasRangeKey) {
    throw new InvalidParameter(
      `Table "${tableName}": local index "${locals[0]!.IndexName}" needs the table to have a range key (a ` +
        "local index sorts the table's hash key by another attribute); give the table a rangeKey, or make " +
        'the index type: "global".',
    );
  }
  if (locals.length > 5) {
    throw new InvalidParameter(
      `Table "${tableName}" has ${locals.length} local indexes (${locals.map((index) => index.IndexName).join(", ")}); ` +
        "DynamoDB allows at most 5 per table.",
    );
  }
}

export function buildCreateTableInput(
  tableName: string,
  schemas: readonly CompiledSchema[],
  options: TableDefinitionOptions,
): CreateTableCommandInput {
  const primary = schemas[0]!;
  const keyNames = new Set<string>([primary.hashKey]);
  if (primary.rangeKey !== undefined) keyNames.add(primary.rangeKey);
  const indexes = indexesOf(schemas, options.throughput === "ON_DEMAND");
  for (const index of indexes.values()) {
    keyNames.add(index.hashKey);
    if (index.rangeKey !== undefined) keyNames.add(index.rangeKey);
  }
  const onDemand = options.throughput === "ON_DEMAND";
  const attributeDefinitions: AttributeDefinition[] = [...keyNames].map((name) => ({
    AttributeName: name,
    AttributeType: keyAttributeType(schemas, name),
  }));
  const globals = [...indexes.values()].filter((index) => index.type === "global");
  const locals = [...indexes.values()].filter((index) => index.type === "local");
  const input: CreateTableCommandInput = {
    TableName: tableName,
    KeySchema: keySchema(primary.hashKey, primary.rangeKey),
    AttributeDefinitions: attributeDefinitions,
  };
  if (onDemand) input.BillingMode = "PAY_PER_REQUEST";
  else
    input.ProvisionedThroughput = provisioned(options.throughput as Exclude<ResolvedThroughput, "ON_DEMAND">);
  if (globals.length > 0) {
    input.GlobalSecondaryIndexes = globals.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.hashKey, index.rangeKey),
      Projection: projection(index, options.readNeeds),
      ...(onDemand
        ? {}
        : {
            ProvisionedThroughput: provisioned(
              index.throughput === undefined || index.throughput === "ON_DEMAND"
                ? (options.throughput as Exclude<ResolvedThroughput, "ON_DEMAND">)
                : index.throughput,
            ),
          }),
    }));
  }
  if (locals.length > 0) {
    input.LocalSecondaryIndexes = locals.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.hashKey, index.rangeKey),
      Projection: projection(index, options.readNeeds),
    }));
  }
  // Only what differs from DynamoDB's own defaults is sent, so endpoints without these features still work.
  if (options.tableClass === "infrequentAccess") input.TableClass = TABLE_CLASSES.infrequentAccess;
  const tags = Object.entries(options.tags ?? {});
  if (tags.length > 0) input.Tags = tags.map(([Key, Value]) => ({ Key, Value }));
  if (options.streamOptions?.enabled) {
    input.StreamSpecification = {
      StreamEnabled: true,
      StreamViewType: (options.streamOptions.type ?? "NEW_AND_OLD_IMAGES") as StreamViewType,
    };
  }
  return input;
}
