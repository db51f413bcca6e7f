// A save's changes made valid against the item as the table holds it now: a change below a node the table
// lacks, or holds as another kind, becomes a change of that node to the item's value there.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { ImageChange } from "../../lib/model/diff";
import { reachableChanges } from "../../lib/model/reachable-changes";

type Image = Record<string, AttributeValue>;

const written: Image = {
  id: { S: "a" },
  m: { M: { a: { M: { b: { N: "2" }, c: { N: "3" } } }, z: { N: "5" } } },
  list: { L: [{ M: { x: { N: "1" } } }, { M: { x: { N: "2" } } }] },
  title: { S: "t" },
};

const setB: ImageChange = { kind: "set", path: ["m", "a", "b"], value: { N: "2" } };
const setC: ImageChange = { kind: "set", path: ["m", "a", "c"], value: { N: "3" } };

describe("reachableChanges", () => {
  it("leaves changes whose parents the table holds as they are", () => {
    const current: Image = { id: { S: "a" }, m: { M: { a: { M: {} } } } };
    const title: ImageChange = { kind: "set", path: ["title"], value: { S: "t" } };
    expect(reachableChanges([setB, title], current, written)).toEqual([setB, title]);
  });

  it("moves a change up to the first missing node, once for all the changes below it", () => {
    const current: Image = { id: { S: "a" }, m: { M: { z: { N: "9" } } } };
    expect(reachableChanges([setB, setC], current, written)).toEqual([
      { kind: "set", path: ["m", "a"], value: written.m!.M!.a },
    ]);
  });

  it("moves it to the top-level attribute when that is missing, or the item itself is gone", () => {
    const whole: ImageChange[] = [{ kind: "set", path: ["m"], value: written.m! }];
    expect(reachableChanges([setB], { id: { S: "a" } }, written)).toEqual(whole);
    expect(reachableChanges([setB], {}, written)).toEqual(whole);
  });

  it("replaces a node of another kind: a scalar, a list where a map was, a map where a list was", () => {
    expect(reachableChanges([setB], { m: { M: { a: { S: "x" } } } }, written)).toEqual([
      { kind: "set", path: ["m", "a"], value: written.m!.M!.a },
    ]);
    expect(reachableChanges([setB], { m: { L: [] } }, written)).toEqual([
      { kind: "set", path: ["m"], value: written.m },
    ]);
    const element: ImageChange = { kind: "set", path: ["list", 1, "x"], value: { N: "2" } };
    expect(reachableChanges([element], { list: { M: {} } }, written)).toEqual([
      { kind: "set", path: ["list"], value: written.list },
    ]);
  });

  it("writes a list element whose list holds it, and the list where the table holds another kind", () => {
    const element: ImageChange = { kind: "set", path: ["list", 1, "x"], value: { N: "2" } };
    expect(reachableChanges([element], { list: { L: [{ M: {} }, { M: {} }] } }, written)).toEqual([element]);
    expect(reachableChanges([element], { list: { L: [{ M: {} }, { S: "x" }] } }, written)).toEqual([
      { kind: "set", path: ["list", 1], value: written.list!.L![1] },
    ]);
  });

  it("leaves out a removal below a missing node or one of another kind: nothing is there to remove", () => {
    const removeB: ImageChange = { kind: "remove", path: ["m", "a", "b"] };
    expect(reachableChanges([removeB], { m: { M: {} } }, written)).toEqual([]);
    expect(reachableChanges([removeB], { m: { M: { a: { N: "1" } } } }, written)).toEqual([]);
    expect(reachableChanges([removeB], {}, written)).toEqual([]);
    // Below a map the table holds, it stays.
    expect(reachableChanges([removeB], { m: { M: { a: { M: {} } } } }, written)).toEqual([removeB]);
  });

  it("a removal next to a value set below the same missing node: the node is written once", () => {
    const removeB: ImageChange = { kind: "remove", path: ["m", "a", "b"] };
    expect(reachableChanges([removeB, setC], { m: { M: {} } }, written)).toEqual([
      { kind: "set", path: ["m", "a"], value: written.m!.M!.a },
    ]);
  });
});
