// `new Schema(definition, settings)`: every documented form of each setting is accepted; anything else
// is an InvalidParameter that names the setting and the value, thrown by the constructor.
import { InvalidParameter, InvalidType, Schema } from "dynamodel";

const definition = { id: String, name: String };
const build = (settings: unknown) => () => new Schema(definition, settings as never);

describe("schema settings", () => {
  it.each([
    ["no settings", undefined],
    ["empty settings", {}],
    ["timestamps: true", { timestamps: true }],
    ["timestamps: false", { timestamps: false }],
    ["timestamp names", { timestamps: { createdAt: "born", updatedAt: ["touched", "changed"] } }],
    ["a disabled timestamp", { timestamps: { createdAt: null, updatedAt: "at" } }],
    ["one timestamp only", { timestamps: { updatedAt: "at" } }],
    [
      "a timestamp mini schema",
      { timestamps: { updatedAt: { changed: { type: { value: Date, settings: { storage: "iso" } } } } } },
    ],
    // `null` is "not set", as in Dynamoose (which reads its settings by truthiness): no timestamps.
    ["timestamps: null", { timestamps: null }],
    [
      "null for every setting",
      { timestamps: null, saveUnknown: null, get: null, set: null, validate: null, version: null },
    ],
    ["saveUnknown: true", { saveUnknown: true }],
    ["saveUnknown: false", { saveUnknown: false }],
    ["saveUnknown paths", { saveUnknown: ["meta.*", "raw.**", "top", "**.secret"] }],
    ["no saveUnknown paths", { saveUnknown: [] }],
    ["version: true", { version: true }],
    ["a version name", { version: "rev" }],
    [
      "get, set, validate",
      { get: (item: object) => item, set: (item: object) => item, validate: () => true },
    ],
  ])("accepts %s", (_label, settings) => {
    expect(build(settings)).not.toThrow();
  });

  it.each([
    [
      "saveUnknown: 5",
      { saveUnknown: 5 },
      'Schema setting "saveUnknown" must be true, false or an array',
      "(got 5)",
    ],
    ["saveUnknown: a string", { saveUnknown: "meta.*" }, '"saveUnknown"', '(got "meta.*")'],
    [
      "a saveUnknown path that is not a string",
      { saveUnknown: ["ok", 3] },
      '"saveUnknown"',
      '(got ["ok",3])',
    ],
    ["an empty saveUnknown segment", { saveUnknown: ["meta..x"] }, '"saveUnknown"', "meta..x"],
    ["timestamps: 5", { timestamps: 5 }, 'Schema setting "timestamps" must be', "(got 5)"],
    ["timestamps: a string", { timestamps: "createdAt" }, '"timestamps"', '(got "createdAt")'],
    ["an unknown timestamps key", { timestamps: { created: "at" } }, 'unknown key "created"', "createdAt"],
    [
      "a timestamp name that is a number",
      { timestamps: { createdAt: 5 } },
      '"timestamps.createdAt"',
      "(got 5)",
    ],
    ["an empty timestamp name", { timestamps: { updatedAt: "" } }, '"timestamps.updatedAt"', '(got "")'],
    [
      "a dotted timestamp name",
      { timestamps: { createdAt: ["ok", "a.b"] } },
      '"timestamps.createdAt"',
      "a.b",
    ],
    ["5 as a timestamp", { timestamps: { createdAt: 5 } }, '"timestamps.createdAt"', "(got 5)"],
    [
      "an empty timestamp mini schema",
      { timestamps: { createdAt: {} } },
      '"timestamps.createdAt"',
      "(got {})",
    ],
    [
      "one name for both timestamps",
      { timestamps: { createdAt: "t", updatedAt: "t" } },
      'attribute "t" twice',
      "",
    ],
    [
      "version: 5",
      { version: 5 },
      'Schema setting "version" must be true, false or an attribute name',
      "(got 5)",
    ],
    ["an empty version name", { version: "" }, '"version"', '(got "")'],
    ["a version that is a timestamp", { version: "updatedAt", timestamps: true }, '"updatedAt"', "timestamp"],
    ["get: 5", { get: 5 }, 'Schema setting "get" must be a function', "(got 5)"],
    ["validate: a RegExp", { validate: /x/ }, 'Schema setting "validate" must be a function', ""],
    ["an unknown setting", { saveunknown: true }, 'Unknown schema setting "saveunknown"', "saveUnknown"],
    [
      "settings that are not an object",
      "timestamps",
      "Schema settings must be an object",
      '(got "timestamps")',
    ],
    ["null settings", null, "Schema settings must be an object", "(got null)"],
  ])("rejects %s", (_label, settings, first, second) => {
    let thrown: unknown;
    try {
      build(settings)();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidParameter);
    expect((thrown as Error).message).toContain(first);
    expect((thrown as Error).message).toContain(second);
  });

  it("leaves the checks of a timestamp mini schema's definition to compilation", () => {
    expect(build({ timestamps: { createdAt: { born: { type: [Date, Number] } } } })).toThrow(InvalidType);
  });
});
