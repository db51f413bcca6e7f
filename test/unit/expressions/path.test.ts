import { InvalidParameter } from "../../../lib/errors";
import { formatDocumentPath, parseDocumentPath, type PathSegment } from "../../../lib/expressions";

describe("parseDocumentPath", () => {
  it.each<[string, PathSegment[]]>([
    ["a", ["a"]],
    ["a.b[1].c", ["a", "b", 1, "c"]],
    ["tags[0][2]", ["tags", 0, 2]],
    ["a.b.c", ["a", "b", "c"]],
    ["list[10]", ["list", 10]],
    ["list[007]", ["list", 7]],
    ["a-b", ["a-b"]],
    ["a b", ["a b"]],
    ["#x", ["#x"]],
    [":y", [":y"]],
    ["über.straße", ["über", "straße"]],
    ["a[0].b[1][2].c", ["a", 0, "b", 1, 2, "c"]],
  ])("parses %j", (path, segments) => {
    expect(parseDocumentPath(path)).toEqual(segments);
  });

  it.each<[string, string]>([
    ["", 'Invalid document path "": the path is empty.'],
    ["a..b", 'Invalid document path "a..b": empty name at position 2.'],
    [".a", 'Invalid document path ".a": empty name at position 0.'],
    ["a.", 'Invalid document path "a.": it ends with a dot.'],
    ["[0]", 'Invalid document path "[0]": empty name at position 0.'],
    ["a.[0]", 'Invalid document path "a.[0]": empty name at position 2.'],
    ["a[1", 'Invalid document path "a[1": the "[" at position 1 is never closed.'],
    ["a[[1]]", 'Invalid document path "a[[1]]": the "[" at position 1 is never closed.'],
    ["a]", 'Invalid document path "a]": unbalanced "]" at position 1.'],
    ["a[0]]", 'Invalid document path "a[0]]": unbalanced "]" at position 4.'],
    ["a[]", 'Invalid document path "a[]": list index "" is not a non-negative integer.'],
    ["a[x]", 'Invalid document path "a[x]": list index "x" is not a non-negative integer.'],
    ["a[-1]", 'Invalid document path "a[-1]": list index "-1" is not a non-negative integer.'],
    ["a[1.5]", 'Invalid document path "a[1.5]": list index "1.5" is not a non-negative integer.'],
    ["a[ 1]", 'Invalid document path "a[ 1]": list index " 1" is not a non-negative integer.'],
    ["a[0x1]", 'Invalid document path "a[0x1]": list index "0x1" is not a non-negative integer.'],
    [
      "a[99999999999999999999]",
      'Invalid document path "a[99999999999999999999]": list index "99999999999999999999" is not a non-negative integer.',
    ],
    ["a[0]b", 'Invalid document path "a[0]b": expected ".", "[" or the end at position 4.'],
  ])("rejects %j", (path, message) => {
    expect(() => parseDocumentPath(path)).toThrow(InvalidParameter);
    expect(() => parseDocumentPath(path)).toThrow(message);
  });
});

describe("formatDocumentPath", () => {
  it.each<[PathSegment[], string]>([
    [["a"], "a"],
    [["a", "b", 1], "a.b[1]"],
    [["tags", 0, 2], "tags[0][2]"],
    [["a", 0, "b"], "a[0].b"],
    [[], ""],
  ])("formats %j as %j", (segments, text) => {
    expect(formatDocumentPath(segments)).toBe(text);
  });

  it.each(["a.b[1].c", "tags[0][2]", "x", "a[3].b.c[0]"])("round-trips %j", (path) => {
    expect(formatDocumentPath(parseDocumentPath(path))).toBe(path);
  });
});
