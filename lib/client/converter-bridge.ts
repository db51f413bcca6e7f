// A custom `aws.converter` at the wire. dynamodel builds and reads AttributeValues in the SDK's default
// form (straight from the schema, no marshall); when an Instance's converter is not the default, every
// AttributeValue map of a request is re-encoded with it on the way out (default `unmarshall`, custom
// `marshall`) and every map of a response decoded with it on the way in (custom `unmarshall`, default
// `marshall`), so the converter decides what is stored and what is read, as in Dynamoose. Pure: it copies
// the parts it changes and never touches the caller's input. Used by send.ts only for a custom converter:
// with the default one nothing here runs.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall, NumberValueImpl, unmarshall } from "@aws-sdk/util-dynamodb";
import type { Converter } from "./converter";
import type { OperationName } from "./operations";

type Image = Record<string, AttributeValue>;
type Convert = (image: Image) => Image;
type Node = Record<string, unknown>;

/** The AttributeValue maps a request (or one action of a batch or transaction) may carry. */
const REQUEST_IMAGES = ["Item", "Key", "ExpressionAttributeValues", "ExclusiveStartKey"] as const;
/** The AttributeValue maps a single-item response, a page or a failed condition may carry. */
const RESPONSE_IMAGES = ["Item", "Attributes", "LastEvaluatedKey"] as const;
const TRANSACTION_ACTIONS = ["Get", "Put", "Update", "Delete", "ConditionCheck"] as const;
const WRITE_REQUESTS = ["PutRequest", "DeleteRequest"] as const;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null;

/** `node` with its `fields` that are present replaced by `change(value)`; `node` itself when none is. */
function replaceFields(
  node: unknown,
  fields: readonly string[],
  change: (value: unknown) => unknown,
): unknown {
  if (!isNode(node)) return node;
  let copy: Node | undefined;
  for (const field of fields) {
    const value = node[field];
    if (value === undefined || value === null) continue;
    copy ??= { ...node };
    copy[field] = change(value);
  }
  return copy ?? node;
}

/** One AttributeValue map, converted (anything else, which DynamoDB would refuse, is left as it is). */
const oneImage = (convert: Convert) => (value: unknown) => (isNode(value) ? convert(value as Image) : value);

const imagesIn = (fields: readonly string[], convert: Convert) => (node: unknown) =>
  replaceFields(node, fields, oneImage(convert));

const eachOf = (change: (value: unknown) => unknown) => (list: unknown) =>
  Array.isArray(list) ? list.map(change) : list;

/** A `{tableName: value}` map (RequestItems, Responses, Unprocessed…) with every value changed. */
const eachTable = (change: (value: unknown) => unknown) => (tables: unknown) =>
  isNode(tables)
    ? Object.fromEntries(Object.entries(tables).map(([name, value]) => [name, change(value)]))
    : tables;

/** `[{PutRequest: {Item}} | {DeleteRequest: {Key}}]` of BatchWriteItem, in a request or as unprocessed. */
const writeRequests = (convert: Convert) =>
  eachOf((write) => replaceFields(write, WRITE_REQUESTS, imagesIn(REQUEST_IMAGES, convert)));

/** `{Keys: [...], ProjectionExpression…}` of BatchGetItem, in a request or as unprocessed. */
const keysAndAttributes = (convert: Convert) => (request: unknown) =>
  replaceFields(request, ["Keys"], eachOf(oneImage(convert)));

function requestToWire(operation: OperationName, input: unknown, convert: Convert): unknown {
  switch (operation) {
    case "GetItem":
    case "PutItem":
    case "UpdateItem":
    case "DeleteItem":
    case "Query":
    case "Scan":
      return imagesIn(REQUEST_IMAGES, convert)(input);
    case "BatchGetItem":
      return replaceFields(input, ["RequestItems"], eachTable(keysAndAttributes(convert)));
    case "BatchWriteItem":
      return replaceFields(input, ["RequestItems"], eachTable(writeRequests(convert)));
    case "TransactGetItems":
    case "TransactWriteItems":
      return replaceFields(
        input,
        ["TransactItems"],
        eachOf((element) => replaceFields(element, TRANSACTION_ACTIONS, imagesIn(REQUEST_IMAGES, convert))),
      );
    default:
      return input; // table operations carry no items
  }
}

function responseFromWire(operation: OperationName, output: unknown, convert: Convert): unknown {
  switch (operation) {
    case "GetItem":
    case "PutItem":
    case "UpdateItem":
    case "DeleteItem":
      return imagesIn(RESPONSE_IMAGES, convert)(output);
    case "Query":
    case "Scan":
      return replaceFields(imagesIn(RESPONSE_IMAGES, convert)(output), ["Items"], eachOf(oneImage(convert)));
    case "BatchGetItem": {
      const responses = replaceFields(output, ["Responses"], eachTable(eachOf(oneImage(convert))));
      return replaceFields(responses, ["UnprocessedKeys"], eachTable(keysAndAttributes(convert)));
    }
    case "BatchWriteItem":
      return replaceFields(output, ["UnprocessedItems"], eachTable(writeRequests(convert)));
    case "TransactGetItems":
      return replaceFields(output, ["Responses"], eachOf(imagesIn(["Item"], convert)));
    default:
      return output;
  }
}

/**
 * A service error's stored images, decoded in place (the error is this request's own): the item of a
 * failed condition (`ReturnValuesOnConditionCheckFailure`) and those of a cancelled transaction.
 */
function errorFromWire(error: unknown, convert: Convert): void {
  if (!(error instanceof Error)) return;
  const failure = error as Error & { Item?: unknown; CancellationReasons?: unknown };
  if (isNode(failure.Item)) failure.Item = convert(failure.Item as Image);
  if (Array.isArray(failure.CancellationReasons)) {
    failure.CancellationReasons = failure.CancellationReasons.map(imagesIn(["Item"], convert));
  }
}

/**
 * A stored number as the converter's `marshall` should get it: a JS number, or, for an integer beyond
 * 2^53 (which `marshall` refuses as a number, and whose exponent form "1e+21" `unmarshall`'s default
 * BigInt conversion cannot read), the SDK's NumberValue holding the exact text.
 */
function nativeNumber(text: string): number | NumberValueImpl {
  const value = Number(text);
  return Number.isInteger(value) && !Number.isSafeInteger(value) ? new NumberValueImpl(text) : value;
}

/**
 * Sends `input` of `operation` through `exchange` (the transport) with `converter` applied at the wire:
 * the request's maps re-encoded with `converter.marshall`, the response's (and a service error's)
 * decoded with `converter.unmarshall`, so the caller sees the default form both ways.
 */
export async function sendThroughConverter(
  converter: Converter,
  operation: OperationName,
  input: object,
  exchange: (input: object) => Promise<unknown>,
): Promise<unknown> {
  // Undefined values are dropped as Dynamoose does (`marshall(…, {removeUndefinedValues: true})`).
  const toWire: Convert = (image) =>
    converter.marshall(unmarshall(image, { wrapNumbers: nativeNumber }), { removeUndefinedValues: true });
  const fromWire: Convert = (image) => marshall(converter.unmarshall(image), { removeUndefinedValues: true });
  let output: unknown;
  try {
    output = await exchange(requestToWire(operation, input, toWire) as object);
  } catch (error) {
    try {
      errorFromWire(error, fromWire);
    } catch {
      // A stored image the converter cannot decode must not hide the error itself.
    }
    throw error;
  }
  return responseFromWire(operation, output, fromWire);
}
