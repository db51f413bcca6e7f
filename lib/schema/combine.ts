// COMBINE attributes (SPEC §2): the sources' values joined by a separator. A source is an attribute or,
// as in Dynamoose, a dotted path into a map (`"address.city"`). The write pipeline runs custom
// types before combine, so each source takes part in its stored form: a Date as its storage says (epoch ms,
// seconds or ISO), a model reference as the referenced key, not `[object Object]`.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledAttribute, CompiledSchema, ObjectShape, Variant } from "./compiled";
import { valueToDynamo } from "./to-dynamo";

/** The text a stored value contributes: a string or number as stored, a boolean as "true"/"false". */
function storedText(value: AttributeValue): string | undefined {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return value.N;
  if (value.BOOL !== undefined) return String(value.BOOL);
  if (value.B !== undefined) return Buffer.from(value.B).toString("base64");
  return undefined;
}

/**
 * A source's stored form, from its JavaScript value. A source the schema does not declare, or a value that
 * has no text of its own (a map, a list), takes part as `String(value)`, as before it was stored.
 */
function storedSource(schema: CompiledSchema, source: string, value: unknown): string {
  const attribute = sourceAttribute(schema, source);
  const stored = attribute === undefined ? undefined : valueToDynamo(attribute, value, source);
  return (stored === undefined ? undefined : storedText(stored)) ?? String(value);
}

/** The top-level attribute a source (`"id"`, or a dotted path into a map: `"address.city"`) is inside. */
export function sourceRoot(source: string): string {
  const dot = source.indexOf(".");
  return dot === -1 ? source : source.slice(0, dot);
}

/** The attribute a source names, through the nested schemas of a dotted path; undefined if undeclared. */
function sourceAttribute(schema: CompiledSchema, source: string): CompiledAttribute | undefined {
  let shape: ObjectShape | undefined = schema.shape;
  let attribute: CompiledAttribute | undefined;
  for (const segment of source.split(".")) {
    attribute = shape?.byName.get(segment);
    if (attribute === undefined) return undefined;
    const nested: Variant | undefined = attribute.variants.find((variant) => variant.kind === "object");
    shape = nested?.kind === "object" && typeof nested.shape === "object" ? nested.shape : undefined;
  }
  return attribute;
}

/**
 * A source's value in `values`: a top-level attribute, a dotted path held as one entry (an update's
 * nested change), or a dotted path walked through the maps (`{address: {city}}`), as Dynamoose reads it.
 */
export function sourceValue(values: Readonly<Record<string, unknown>>, source: string): unknown {
  if (source in values || !source.includes(".")) return values[source];
  let current: unknown = values;
  for (const segment of source.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * A COMBINE attribute's value: the present sources, each in its stored form, joined by the separator.
 * `storedKey` gives the key attributes' stored values where the JavaScript values are not at hand (an
 * update names its key apart from its changes).
 *
 * @example
 * ```ts
 * combineValue(schema, { id: "a", at: new Date(0) }, ["id", "at"], "#"); // "a#0" (epoch ms storage)
 * ```
 */
export function combineValue(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
  sources: readonly string[],
  separator: string,
  storedKey?: Readonly<Record<string, AttributeValue>>,
): string {
  const parts: string[] = [];
  for (const source of sources) {
    const value = sourceValue(values, source);
    if (value !== undefined && value !== null) parts.push(storedSource(schema, source, value));
    else {
      const keyText = storedKey?.[source] === undefined ? undefined : storedText(storedKey[source]);
      if (keyText !== undefined) parts.push(keyText);
    }
  }
  return parts.join(separator);
}
