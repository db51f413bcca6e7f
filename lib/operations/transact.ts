// TransactWriteItems / TransactGetItems: build (pure). Every check DynamoDB would make after a round trip
// that costs nothing to make here — element count, one element per item, the 4 MB aggregate — is made
// before anything is sent, so a bad transaction fails with the element named and nothing written.
import type {
  AttributeValue,
  ConditionCheck,
  Delete,
  Get,
  Put,
  TransactGetItemsCommandInput,
  TransactWriteItem,
  TransactWriteItemsCommandInput,
  Update,
} from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import { isPlainObject } from "../expressions/is-plain-object";
import { itemSize, itemSizeBound } from "../schema/size";
import { canonicalNumber } from "../schema/stored-number";

/** DynamoDB's limits for one transaction. */
export const MAX_TRANSACTION_ELEMENTS = 100;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

export type TransactionKind = "Get" | "Put" | "Update" | "Delete" | "ConditionCheck";
const KINDS: readonly TransactionKind[] = ["Get", "Put", "Update", "Delete", "ConditionCheck"];

/** The operation of one element, e.g. `Put`, and its input, e.g. a PutItem-like object. */
export interface ElementParts {
  readonly kind: TransactionKind;
  readonly body: Record<string, unknown>;
  readonly tableName: string;
}

/** An element ready to be built: its parts plus its table's key names (to find a Put's key). */
export interface PreparedElement extends ElementParts {
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
}

export interface TransactionBuildSettings {
  /** Forces the API; by default `get` when every element is a Get, else `write`. */
  readonly type?: unknown;
  readonly clientRequestToken?: unknown;
}

export type TransactionInput =
  | { readonly type: "get"; readonly input: TransactGetItemsCommandInput }
  | { readonly type: "write"; readonly input: TransactWriteItemsCommandInput };

/**
 * Splits an element (`{Put: {...}}`) into its operation and input; anything else is an InvalidParameter
 * naming the element's position.
 *
 * @example
 * ```ts
 * elementParts({ Delete: { TableName: "Cat", Key: { id: { N: "1" } } } }, 0);
 * // { kind: "Delete", body: { TableName: "Cat", Key: … }, tableName: "Cat" }
 * ```
 */
export function elementParts(element: unknown, index: number): ElementParts {
  const keys = isPlainObject(element) ? Object.keys(element) : [];
  const kind = keys.length === 1 ? KINDS.find((candidate) => candidate === keys[0]) : undefined;
  const body = kind === undefined ? undefined : (element as Record<string, unknown>)[kind];
  if (kind === undefined || !isPlainObject(body)) {
    const got = isPlainObject(element) ? `keys ${JSON.stringify(keys)}` : describeValue(element);
    throw new InvalidParameter(
      `Transaction element ${index} must be an object with exactly one of ${KINDS.join(", ")} (got ${got}).`,
    );
  }
  if (typeof body.TableName !== "string" || body.TableName === "") {
    throw new InvalidParameter(`Transaction element ${index} (${kind}) needs a TableName.`);
  }
  return { kind, body, tableName: body.TableName };
}

/** The key of the item an element touches, as AttributeValues (a Put's key comes from its Item). */
export function elementKeyImage(element: PreparedElement, index: number): Record<string, AttributeValue> {
  const source = (element.kind === "Put" ? element.body.Item : element.body.Key) as
    Record<string, AttributeValue> | undefined;
  const key: Record<string, AttributeValue> = {};
  for (const name of [element.hashKey, element.rangeKey]) {
    if (name === undefined) continue;
    const value = source?.[name];
    if (value === undefined) {
      throw new InvalidParameter(
        `Transaction element ${index} (${element.kind} on "${element.tableName}") has no key attribute "${name}".`,
      );
    }
    if (!isKeyAttributeValue(value)) {
      throw new InvalidParameter(
        `Transaction element ${index} (${element.kind} on "${element.tableName}"): key attribute "${name}" must ` +
          `be in DynamoDB's attribute-value form ({S: "…"}, {N: "…"} or {B: …}), as a raw element is sent as ` +
          `given (got ${describeValue(value)}).`,
      );
    }
    key[name] = value;
  }
  return key;
}

/** A key attribute's value as DynamoDB takes it: one of S, N or B, alone. */
function isKeyAttributeValue(value: unknown): value is AttributeValue {
  if (typeof value !== "object" || value === null) return false;
  const tags = Object.keys(value);
  return tags.length === 1 && (tags[0] === "S" || tags[0] === "N" || tags[0] === "B");
}

/**
 * A string that is equal for two keys exactly when they name the same item. Keys come from
 * `elementKeyImage`, always in the table's (hash, range) order, so no sorting is needed.
 */
function itemIdentity(tableName: string, key: Record<string, AttributeValue>): string {
  // Every part is length-prefixed, so no two different keys can spell the same identity.
  let identity = `${tableName.length}:${tableName}`;
  for (const name in key) {
    const value = key[name]!;
    let text: string;
    let type: string;
    if (value.B !== undefined) {
      type = "B";
      text = Buffer.from(value.B).toString("base64");
    } else if (value.N !== undefined) {
      // A number key is the same item however it is spelled ("1", "1.0", "1e0"), and two distinct
      // 38-digit numbers never look alike.
      type = "N";
      text = canonicalNumber(value.N);
    } else {
      type = "S";
      text = value.S!;
    }
    identity += `|${name.length}:${name}${type}${text.length}:${text}`;
  }
  return identity;
}

/** How an element's bytes are counted: exactly, or as a cheap upper bound (see schema/size.ts). */
interface SizeMeasure {
  map(map: Record<string, AttributeValue>): number;
  text(text: string): number;
}
const EXACT: SizeMeasure = { map: itemSize, text: (text) => Buffer.byteLength(text, "utf8") };
const BOUND: SizeMeasure = { map: itemSizeBound, text: (text) => text.length * 3 };

const MEASURED_MAPS = ["Item", "Key", "ExpressionAttributeValues"] as const;
const MEASURED_TEXTS = ["ConditionExpression", "UpdateExpression", "ProjectionExpression"] as const;

/** The bytes an element adds to the transaction's aggregate: its item or key, expressions and values. */
function elementSize(body: Record<string, unknown>, measure: SizeMeasure): number {
  let size = 0;
  for (const name of MEASURED_MAPS) {
    const map = body[name] as Record<string, AttributeValue> | undefined;
    if (map !== undefined) size += measure.map(map);
  }
  for (const name of MEASURED_TEXTS) {
    const text = body[name];
    if (typeof text === "string") size += measure.text(text);
  }
  const names = body.ExpressionAttributeNames as Record<string, string> | undefined;
  if (names !== undefined) {
    for (const placeholder of Object.keys(names))
      size += measure.text(placeholder) + measure.text(names[placeholder]!);
  }
  return size;
}

/** The transaction's aggregate size when it is over DynamoDB's 4 MB, else `undefined`. */
function transactionSizeOver(elements: readonly PreparedElement[]): number | undefined {
  let bound = 0;
  for (const element of elements) bound += elementSize(element.body, BOUND);
  if (bound <= MAX_TRANSACTION_BYTES) return undefined;
  let bytes = 0;
  for (const element of elements) bytes += elementSize(element.body, EXACT);
  return bytes > MAX_TRANSACTION_BYTES ? bytes : undefined;
}

/** `{[kind]: body}`, spelled out: an object literal per kind keeps its shape fixed and cheap to make. */
function writeItem(kind: TransactionKind, body: Record<string, unknown>): TransactWriteItem {
  // Only the table name was checked here; DynamoDB validates the rest of a raw element.
  switch (kind) {
    case "Put":
      return { Put: body as unknown as Put };
    case "Update":
      return { Update: body as unknown as Update };
    case "Delete":
      return { Delete: body as unknown as Delete };
    default:
      return { ConditionCheck: body as unknown as ConditionCheck };
  }
}

function chooseType(elements: readonly PreparedElement[], forced: unknown): "get" | "write" {
  if (forced !== undefined && forced !== "get" && forced !== "write") {
    throw new InvalidParameter(
      `Invalid type option, please pass in "get" or "write". Got ${describeValue(forced)}.`,
    );
  }
  const gets = elements.filter((element) => element.kind === "Get").length;
  const type = forced ?? (gets === elements.length ? "get" : "write");
  const misplaced = elements.findIndex((element) => (element.kind === "Get") !== (type === "get"));
  if (misplaced !== -1) {
    throw new InvalidParameter(
      `transaction: element ${misplaced} is a ${elements[misplaced]!.kind}, which cannot be part of a ${type} transaction` +
        (forced === undefined ? " (Get elements and write elements cannot be mixed)." : "."),
    );
  }
  return type;
}

function checkToken(token: unknown, type: "get" | "write"): string | undefined {
  if (token === undefined) return undefined;
  if (type === "get")
    throw new InvalidParameter("transaction: clientRequestToken applies to write transactions only.");
  if (typeof token !== "string" || token.length < 1 || token.length > 36) {
    throw new InvalidParameter(
      `transaction: clientRequestToken must be a string of 1 to 36 characters (got ${describeValue(token)}).`,
    );
  }
  return token;
}

/**
 * Builds the TransactGetItems or TransactWriteItems input for prepared elements, after checking what
 * DynamoDB would reject. Write elements with a condition get `ReturnValuesOnConditionCheckFailure:
 * "ALL_OLD"`, so a cancellation can say what the stored item was.
 *
 * @example
 * ```ts
 * buildTransactionInput([{ kind: "Get", body: { TableName: "Cat", Key: { id: { N: "1" } } },
 *   tableName: "Cat", hashKey: "id", rangeKey: undefined }], {});
 * // { type: "get", input: { TransactItems: [{ Get: { TableName: "Cat", Key: { id: { N: "1" } } } }] } }
 * ```
 */
export function buildTransactionInput(
  elements: readonly PreparedElement[],
  settings: TransactionBuildSettings,
): TransactionInput {
  if (elements.length > MAX_TRANSACTION_ELEMENTS) {
    throw new InvalidParameter(
      `transaction: at most ${MAX_TRANSACTION_ELEMENTS} elements are allowed (got ${elements.length}).`,
    );
  }
  const type = chooseType(elements, settings.type);
  const token = checkToken(settings.clientRequestToken, type);
  const seen = new Map<string, number>();
  elements.forEach((element, index) => {
    const identity = itemIdentity(element.tableName, elementKeyImage(element, index));
    const first = seen.get(identity);
    if (first !== undefined) {
      throw new InvalidParameter(
        `transaction: elements ${first} and ${index} touch the same item in "${element.tableName}"; a transaction may touch an item only once.`,
      );
    }
    seen.set(identity, index);
  });
  const bytes = transactionSizeOver(elements);
  if (bytes !== undefined) {
    throw new InvalidParameter(
      `transaction: the request is about ${Math.ceil(bytes / 1024)} KB; DynamoDB allows at most 4 MB per transaction.`,
    );
  }
  if (type === "get") {
    return {
      type,
      // Only the table name was checked here; DynamoDB validates the rest of a raw element.
      input: { TransactItems: elements.map((element) => ({ Get: element.body as unknown as Get })) },
    };
  }
  const TransactItems = elements.map((element) => {
    const body =
      typeof element.body.ConditionExpression === "string" &&
      element.body.ReturnValuesOnConditionCheckFailure === undefined
        ? { ...element.body, ReturnValuesOnConditionCheckFailure: "ALL_OLD" }
        : element.body;
    return writeItem(element.kind, body);
  });
  return {
    type,
    input: token === undefined ? { TransactItems } : { TransactItems, ClientRequestToken: token },
  };
}
