// COMBINE attributes (SPEC §2): the sources' values joined by a separator. The write pipeline runs custom
// types before combine, so each source takes part in its stored form: a Date as its storage says (epoch ms,
// seconds or ISO), a model reference as the referenced key, not `[object Object]`.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { CompiledSchema } from "./compiled";
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
  const attribute = schema.shape.byName.get(source);
  const stored = attribute === undefined ? undefined : valueToDynamo(attribute, value, source);
  return (stored === undefined ? undefined : storedText(stored)) ?? String(value);
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
    const value = values[source];
    if (value !== undefined && value !== null) parts.push(storedSource(schema, source, value));
    else {
      const keyText = storedKey?.[source] === undefined ? undefined : storedText(storedKey[source]);
      if (keyText !== undefined) parts.push(keyText);
    }
  }
  return parts.join(separator);
}
