// Pure: the parts of an existing table that no update can change (its key and its LSIs, which DynamoDB
// only makes with the table) and that differ from what the models want. The update step cannot bring
// them in line, so it says what differs instead of skipping them silently (setup.ts logs each as a
// warning): requests that rely on them fail, and only a new table fixes that.
import type {
  AttributeDefinition,
  CreateTableCommandInput,
  KeySchemaElement,
  LocalSecondaryIndex,
  LocalSecondaryIndexDescription,
  Projection,
  TableDescription,
} from "@aws-sdk/client-dynamodb";

type Definitions = readonly AttributeDefinition[] | undefined;

/** `id (S, HASH), at (N, RANGE)`: a key schema with its attributes' types. */
function describeKeys(keys: readonly KeySchemaElement[] | undefined, definitions: Definitions): string {
  return (keys ?? [])
    .map((key) => {
      const type = definitions?.find((each) => each.AttributeName === key.AttributeName)?.AttributeType;
      return `${key.AttributeName} (${type ?? "?"}, ${key.KeyType})`;
    })
    .join(", ");
}

function describeProjection(projection: Projection | undefined): string {
  const type = projection?.ProjectionType ?? "ALL";
  const names = [...(projection?.NonKeyAttributes ?? [])].sort();
  return names.length === 0 ? type : `${type} [${names.join(", ")}]`;
}

function describeIndex(
  index: LocalSecondaryIndex | LocalSecondaryIndexDescription,
  definitions: Definitions,
): string {
  return `keys ${describeKeys(index.KeySchema, definitions)}, projection ${describeProjection(index.Projection)}`;
}

/**
 * What differs, one sentence each, in the existing table's key and LSIs against the wanted ones. An LSI the
 * table has and the models do not declare is no difference: it costs writes, but nothing fails.
 *
 * @example
 * fixedPartDifferences(described, createInput);
 * // ['its key is id (S, HASH), the models\' is id (N, HASH)']
 */
export function fixedPartDifferences(current: TableDescription, wanted: CreateTableCommandInput): string[] {
  const differences: string[] = [];
  const has = describeKeys(current.KeySchema, current.AttributeDefinitions);
  const wants = describeKeys(wanted.KeySchema, wanted.AttributeDefinitions);
  if (has !== wants) differences.push(`its key is ${has}, the models' is ${wants}`);
  for (const index of wanted.LocalSecondaryIndexes ?? []) {
    const existing = current.LocalSecondaryIndexes?.find((each) => each.IndexName === index.IndexName);
    const wantedIndex = describeIndex(index, wanted.AttributeDefinitions);
    if (existing === undefined) {
      differences.push(`it has no local index "${index.IndexName}" (${wantedIndex})`);
      continue;
    }
    const existingIndex = describeIndex(existing, current.AttributeDefinitions);
    if (existingIndex !== wantedIndex) {
      differences.push(
        `its local index "${index.IndexName}" has ${existingIndex}, the models' has ${wantedIndex}`,
      );
    }
  }
  return differences;
}

/** The warnings the update step logs for the differences (`fixedPartDifferences`) of table `name`. */
export function fixedPartWarnings(
  name: string,
  current: TableDescription,
  wanted: CreateTableCommandInput,
): string[] {
  return fixedPartDifferences(current, wanted).map(
    (difference) =>
      `Table "${name}": ${difference}. DynamoDB makes a table's key and local indexes only with the table, ` +
      "so no update can change them; requests that need them fail until the table is made again.",
  );
}
