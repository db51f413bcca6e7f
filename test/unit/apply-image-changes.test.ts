// The stored image an item keeps after an UpdateItem save: the image it had, with the save's changes
// applied as DynamoDB applies them, and the image it had left untouched.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { applyImageChanges, diffImages } from "../../lib/model/diff";

const image: Record<string, AttributeValue> = {
  id: { S: "a" },
  a: { M: { x: { M: { c: { N: "1" }, other: { N: "2" } } }, y: { N: "7" } } },
  list: { L: [{ S: "p" }, { S: "q" }, { S: "r" }] },
  gone: { S: "old" },
};

it("applies SET and REMOVE at any depth, list elements closing up", () => {
  const after = applyImageChanges(image, [
    { kind: "set", path: ["a", "x", "c"], value: { N: "5" } },
    { kind: "remove", path: ["a", "y"] },
    { kind: "remove", path: ["list", 1] },
    { kind: "remove", path: ["gone"] },
    { kind: "set", path: ["added"], value: { BOOL: true } },
  ]);
  expect(after).toEqual({
    id: { S: "a" },
    a: { M: { x: { M: { c: { N: "5" }, other: { N: "2" } } } } },
    list: { L: [{ S: "p" }, { S: "r" }] },
    added: { BOOL: true },
  });
});

it("changes nothing in the image it was given, and shares what the changes leave alone", () => {
  const before = structuredClone(image);
  const after = applyImageChanges(image, [{ kind: "set", path: ["a", "x", "c"], value: { N: "9" } }]);
  expect(image).toEqual(before);
  expect(after.list).toBe(image.list);
  expect(after.a).not.toBe(image.a);
  expect(applyImageChanges(image, [])).toBe(image);
});

it("turns an image into the next one given diffImages' changes", () => {
  const next: Record<string, AttributeValue> = {
    id: { S: "a" },
    a: { M: { x: { M: { c: { N: "3" } } } } },
    list: { L: [{ S: "z" }] },
  };
  expect(applyImageChanges(image, diffImages(image, next))).toEqual(next);
});

it("resolves list indexes against the list as it was, as DynamoDB does", () => {
  const list = { l: { L: [{ S: "p" }, { S: "q" }, { S: "r" }] } };
  expect(
    applyImageChanges(list, [
      { kind: "remove", path: ["l", 0] },
      { kind: "remove", path: ["l", 1] },
    ]),
  ).toEqual({ l: { L: [{ S: "r" }] } });
  expect(applyImageChanges(list, [{ kind: "set", path: ["l", 10], value: { S: "x" } }])).toEqual({
    l: { L: [{ S: "p" }, { S: "q" }, { S: "r" }, { S: "x" }] },
  });
});
