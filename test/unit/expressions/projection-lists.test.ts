import { listsReadInPart, namesReadWhole } from "../../../lib/expressions/projection-lists";

describe("listsReadInPart", () => {
  const names = { "#i": "id", "#a": "address", "#l": "lines", "#x": "x", "#t": "tags" };

  it("gives, for each path that selects an element, the names before its first index", () => {
    expect(listsReadInPart("#i, #a.#l[0].#x, #t[2]", names)).toEqual([["address", "lines"], ["tags"]]);
  });

  it("gives a list once, however many of its elements are named", () => {
    expect(listsReadInPart("#t[0], #t[3], #t[1][2]", names)).toEqual([["tags"]]);
  });

  it("stops at the first index: a list inside an element is inside the outer list read in part", () => {
    expect(listsReadInPart("#l[1].#t[0]", names)).toEqual([["lines"]]);
  });

  it("reads plain names, and allows spaces around indexes", () => {
    expect(listsReadInPart(" tags [ 1 ] , other", undefined)).toEqual([["tags"]]);
    expect(listsReadInPart("#unknown[0]", names)).toEqual([["#unknown"]]);
  });

  it("gives none without an index, without a projection, or for a path that starts with one", () => {
    expect(listsReadInPart("#i, #a.#l", names)).toEqual([]);
    expect(listsReadInPart(undefined, names)).toEqual([]);
    expect(listsReadInPart("[0].#x", names)).toEqual([]);
  });
});

describe("namesReadWhole", () => {
  it("gives the top-level names a projection reads whole, placeholders resolved", () => {
    const names = { "#id": "id", "#a": "a", "#b": "b", "#t": "tags", "#n": "name" };
    expect([...namesReadWhole("#id, #a.#b, #t[0], #n", names)]).toEqual(["id", "name"]);
    expect([...namesReadWhole("plain,  spaced ,a.b", undefined)]).toEqual(["plain", "spaced"]);
    expect(namesReadWhole(undefined, names).size).toBe(0);
  });
});
