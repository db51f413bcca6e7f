// The compiled form of a schema: built once by compile.ts, then only read. The write and read
// pipelines walk these nodes; nothing at run time looks a setting up by name or re-resolves a type.
import type { HookRegistry } from "../hooks/hooks";
import type { ScalarType } from "./types/handler";

/** A user-supplied function or value from the definition, already normalised into a predicate. */
export type ValidatorFunction = (value: unknown) => unknown;

export interface AttributeSettings {
  readonly hasDefault: boolean;
  readonly default: unknown;
  readonly forceDefault: boolean;
  readonly required: boolean;
  readonly enum: readonly unknown[] | undefined;
  /** Returns falsy (or rejects) when the value is invalid; `describe` says what the rule asks for. */
  readonly validate: { check: ValidatorFunction; describe: string } | undefined;
  readonly get: ((value: unknown) => unknown) | undefined;
  readonly set: ((value: unknown, oldValue: unknown) => unknown) | undefined;
  /** Every alias (map) of the attribute. */
  readonly aliases: readonly string[];
  /** The name reads use: `defaultAlias`/`defaultMap`, else the first alias, else the real name. */
  readonly outputName: string;
}

/** Which pipeline steps have work to do somewhere in a subtree, so walks can skip whole subtrees. */
export interface SubtreeFlags {
  readonly defaults: boolean;
  readonly set: boolean;
  readonly validate: boolean;
  readonly required: boolean;
  readonly enum: boolean;
  readonly get: boolean;
}

export interface CompiledAttribute {
  /** The real (stored) name; for list elements, "". */
  readonly name: string;
  readonly variants: readonly Variant[];
  readonly settings: AttributeSettings;
  /**
   * Written as an array of definitions (`[{type: Number, validate}, {type: String, set}]`): each variant's
   * own `set`, `get`, `validate`, `enum` and `required` (SPEC §2; Dynamoose's per-type settings), read
   * through `settingsFor`. `settings` holds the first definition's, whose default, keys, index and aliases
   * are the attribute's. Absent for a single definition.
   */
  readonly variantSettings?: ReadonlyMap<Variant, AttributeSettings>;
  readonly flags: SubtreeFlags;
  /**
   * `storage: "flatten"`: the object's sub-attributes are stored as top-level attributes named
   * prefix + sub-name. Only top-level attributes have it; the document form is still an object.
   */
  readonly flatten?: FlattenSpec;
}

/** How a flattened object attribute is stored (SPEC §11). */
export interface FlattenSpec {
  /** Prepended to each sub-attribute's real name to give its stored name. */
  readonly prefix: string;
  /** The object's own shape: its sub-attributes, as for any nested object. */
  readonly shape: ObjectShape;
  /** Sub-attribute real name → stored (top-level) name. */
  readonly storedNames: ReadonlyMap<string, string>;
}

/** One stored top-level attribute that holds a sub-attribute of a flattened object. */
export interface FlattenedName {
  /** The flattened object attribute (`address`). */
  readonly owner: CompiledAttribute;
  /** The sub-attribute it stores (`address.city`). */
  readonly attribute: CompiledAttribute;
}

/** The flattened attributes of a root shape, looked up both ways. */
export interface FlattenedNames {
  /** The attributes with `storage: "flatten"`, in definition order. */
  readonly owners: readonly CompiledAttribute[];
  /** Stored name (`addr_city`) → owner and sub-attribute. */
  readonly byStoredName: ReadonlyMap<string, FlattenedName>;
}

export interface ObjectShape {
  readonly attributes: readonly CompiledAttribute[];
  readonly byName: ReadonlyMap<string, CompiledAttribute>;
  /** Incoming names (real names and aliases) → attribute. */
  readonly byInputName: ReadonlyMap<string, CompiledAttribute>;
  readonly hasAliases: boolean;
  readonly flags: SubtreeFlags;
  /** Set only on a root shape that has `storage: "flatten"` attributes: the walks branch on it once. */
  readonly flattened?: FlattenedNames;
}

/** A reference to another model (or the model being defined): stores that item's key. */
export interface ReferenceTarget {
  /** Filled in when the referencing schema's model is created (THIS) or lazily for other models. */
  resolve(): ReferencedModel;
}

export interface ReferencedModel {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  readonly hashType: ScalarType;
  readonly rangeType: ScalarType | undefined;
  /** The key attributes' real names and aliases: the names an item or a key object may hold them by. */
  readonly keyNames: ReadonlySet<string>;
  /** The hash key value of an item or key object of the model, held by its real name or an alias. */
  hashOf(source: Record<string, unknown>): unknown;
  /** The range key value of an item or key object of the model, held by its real name or an alias. */
  rangeOf(source: Record<string, unknown>): unknown;
  isItem(value: unknown): value is Record<string, unknown>;
  get(key: Record<string, unknown>): Promise<unknown>;
}

export type Variant =
  | { readonly kind: "scalar"; readonly type: ScalarType }
  | { readonly kind: "object"; readonly shape: ObjectShape | "any" | "empty" }
  | { readonly kind: "array"; readonly element: CompiledAttribute | "any" | "empty" }
  | { readonly kind: "set"; readonly element: ScalarType | undefined; readonly elementName: string }
  | { readonly kind: "any" }
  | { readonly kind: "combine"; readonly attributes: readonly string[]; readonly separator: string }
  | { readonly kind: "reference"; readonly target: ReferenceTarget }
  | { readonly kind: "json" };

export interface TimestampAttribute {
  readonly name: string;
  readonly type: ScalarType;
}

export interface IndexSpec {
  readonly name: string;
  readonly type: "global" | "local";
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  readonly project: boolean | readonly string[];
  readonly throughput: number | { read: number; write: number } | "ON_DEMAND" | undefined;
}

export interface CompiledSchema {
  readonly shape: ObjectShape;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  /** The attributes marked `hashKey: true` or `rangeKey: true` (the hash key may be the first, unmarked). */
  readonly markedKeys: readonly string[];
  readonly indexes: readonly IndexSpec[];
  readonly createdAt: readonly TimestampAttribute[];
  readonly updatedAt: readonly TimestampAttribute[];
  /** Top-level COMBINE attributes: computed from their sources on every write. */
  readonly combined: readonly CompiledAttribute[];
  /** Keeps an unknown attribute at this dotted path? `undefined` when nothing unknown is kept. */
  readonly keepUnknown: ((path: string) => boolean) | undefined;
  /** The `saveUnknown` patterns behind `keepUnknown` (`true` is `["**"]`), for a schema nesting this one. */
  readonly unknownPatterns: readonly string[];
  readonly get: ((item: Record<string, unknown>) => unknown) | undefined;
  readonly set: ((item: Record<string, unknown>) => unknown) | undefined;
  readonly validate: ((item: Record<string, unknown>) => unknown) | undefined;
  /** Optimistic locking attribute name, when enabled. */
  readonly version: string | undefined;
  /** pre/post hooks registered on the schema (mutable: hooks may be added after compilation). */
  readonly hooks: HookRegistry;
  /** Top-level attributes that are references to this schema's own model (type.THIS), to bind. */
  readonly selfReferences: SelfReferenceSlot[];
  /** The entity attribute of the shared table the model is in (added by table/extra-attributes.ts). */
  readonly entityAttribute?: string;
}

/** A THIS reference waiting for its model. */
export interface SelfReferenceSlot {
  bind(model: ReferencedModel): void;
}
