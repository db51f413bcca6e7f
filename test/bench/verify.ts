// Before anything is timed, every adapter runs every operation once against the stub client and must
// (1) send exactly one request, of the expected command, carrying the bench item's attributes, and
// (2) return what the table answered, as the bench item. A benchmark that silently does nothing is
// worthless.
import assert from "node:assert/strict";
import { marshall } from "@aws-sdk/util-dynamodb";
import { OPERATIONS, type Library, type Operation } from "./adapters/types";
import { EMAIL, EMAIL_INDEX, GET_ID, TABLE, workload, type BenchItem } from "./fixtures";
import type { StubClient } from "./stub-client";

export const commandOf: Record<Operation, string> = {
  putItem: "PutItemCommand",
  getItem: "GetItemCommand",
  query: "QueryCommand",
  updateItem: "UpdateItemCommand",
  scan: "ScanCommand",
  batchPut: "BatchWriteItemCommand",
  transactWrite: "TransactWriteItemsCommand",
};

type Image = Record<string, unknown>;
const image = (item: BenchItem): Image => marshall(item);

/** Plain data for comparison: Sets become sorted arrays, keys are sorted, class instances flattened. */
export function plain(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(plain).sort();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, plain(record[key])]),
    );
  }
  return value;
}

/** Every attribute of `expected` is in `actual` with the same value (libraries may add their own). */
function assertContains(actual: unknown, expected: Image, what: string): void {
  const record = actual as Image;
  for (const [key, value] of Object.entries(expected))
    assert.deepEqual(record[key], value, `${what}: ${key}`);
}

function assertValues(input: Image, expected: unknown[], what: string): void {
  const values = Object.values((input.ExpressionAttributeValues ?? {}) as Image);
  for (const value of expected)
    assert.ok(
      values.some((v) => plain(v) === plain(value) || JSON.stringify(v) === JSON.stringify(value)),
      `${what}: value ${JSON.stringify(value)}`,
    );
}

function checkInput(operation: Operation, input: Image, what: string): void {
  if (operation !== "batchPut" && operation !== "transactWrite") assert.equal(input.TableName, TABLE, what);
  switch (operation) {
    case "putItem":
      return assertContains(input.Item, image(workload.item), what);
    case "getItem":
      return assert.deepEqual(input.Key, { id: { S: GET_ID } }, what);
    case "query":
      assert.equal(input.IndexName, EMAIL_INDEX, what);
      return assertValues(input, [{ S: EMAIL }], what);
    case "updateItem":
      assert.deepEqual(input.Key, { id: { S: GET_ID } }, what);
      assert.match(String(input.UpdateExpression), /SET /, what);
      assert.match(String(input.UpdateExpression), /ADD /, what);
      return assertValues(input, [{ S: "Ada King" }, { N: "37" }, { N: "1" }], what);
    case "scan":
      assert.ok(input.FilterExpression, `${what}: a filter`);
      return assertValues(input, [{ BOOL: true }], what);
    case "batchPut": {
      const requests = (input.RequestItems as Record<string, { PutRequest: { Item: Image } }[]>)[TABLE]!;
      assert.equal(requests.length, 25, what);
      return requests.forEach((request, index) =>
        assertContains(request.PutRequest.Item, image(workload.batch[index]!), what),
      );
    }
    case "transactWrite": {
      const puts = (input.TransactItems as { Put: Image }[]).map((entry) => entry.Put);
      assert.equal(puts.length, 2, what);
      return puts.forEach((put, index) => {
        assert.equal(put.TableName, TABLE, what);
        assert.match(String(put.ConditionExpression), /attribute_not_exists/, what);
        assertContains(put.Item, image(workload.pair[index]!), what);
      });
    }
  }
}

function checkResult(operation: Operation, result: unknown, what: string): void {
  if (operation === "getItem") assert.deepEqual(plain(result), plain(workload.item), what);
  if (operation === "updateItem") assert.deepEqual(plain(result), plain(workload.updated), what);
  if (operation === "query" || operation === "scan") {
    const items = result as unknown[];
    assert.equal(items.length, 100, `${what}: 100 items`);
    assert.deepEqual(plain(items[42]), plain(workload.page[42]), what);
  }
}

/** Runs and checks one operation of one library; throws an AssertionError naming both. */
export async function verifyOperation(
  stub: StubClient,
  library: Library,
  operation: Operation,
): Promise<void> {
  const what = `${library.name} ${operation}`;
  stub.calls.clear();
  stub.lastInput.clear();
  const result = await library.operations[operation](0);
  const command = commandOf[operation];
  assert.deepEqual([...stub.calls], [[command, 1]], `${what}: exactly one ${command}`);
  checkInput(operation, stub.lastInput.get(command) as Image, what);
  checkResult(operation, result, what);
}

export async function verifyAll(stub: StubClient, libraries: Library[]): Promise<void> {
  for (const library of libraries)
    for (const operation of OPERATIONS) await verifyOperation(stub, library, operation);
}
