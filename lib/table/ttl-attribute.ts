// The TTL attribute `expires` adds to a table's models. DynamoDB's TTL only reads a Number of epoch
// seconds, so a schema that declares the attribute itself must store it that way: a Date is taken over
// with seconds storage (Dynamoose replaces the declaration with its own, so `ttl: Date` in a schema
// expires there too), a Number is the user's own epoch seconds, and anything else would never expire
// and is refused at setup, before anything is written.
import { InvalidParameter } from "../errors";
import { compileLoneAttribute } from "../schema/compile";
import type { CompiledAttribute, Variant } from "../schema/compiled";
import type { ScalarType } from "../schema/types/handler";
import { dateType } from "../schema/types/date";
import type { ResolvedExpires } from "./options";

/** The attribute `expires` adds where the schema does not declare it. */
export function ttlAttribute(name: string, ttl: number | undefined): CompiledAttribute {
  const definition: Record<string, unknown> = { type: { value: Date, settings: { storage: "seconds" } } };
  if (ttl !== undefined) definition.default = () => new Date(Date.now() + ttl);
  return compileLoneAttribute(name, definition);
}

let secondsTakingMilliseconds: ScalarType | undefined;

/**
 * A Date declared in milliseconds (the default storage), stored in seconds: a number given for it is still
 * read as the declaration says, in milliseconds (`Date.now() + 60_000`), not as seconds.
 */
function secondsStorageTakingMilliseconds(): ScalarType {
  if (secondsTakingMilliseconds === undefined) {
    const seconds = dateType("seconds");
    const milliseconds = dateType("milliseconds");
    secondsTakingMilliseconds = Object.freeze({
      ...seconds,
      normalize: (value: unknown) =>
        seconds.normalize(typeof value === "number" ? milliseconds.normalize(value) : value),
      storedUnitsPerGivenNumber: 1 / 1000, // `$ADD: {ttl: 3_600_000}` moves it by an hour, as a value reads
    });
  }
  return secondsTakingMilliseconds;
}

/** The epoch-seconds variant of a declared type, or undefined where TTL could never read it. */
function epochSecondsVariant(variant: Variant): Variant | undefined {
  if (variant.kind !== "scalar" || variant.type.dynamoType !== "N") return undefined;
  if (variant.type.name === "number" || variant.type === dateType("seconds")) return variant;
  if (variant.type === dateType("milliseconds"))
    return { kind: "scalar", type: secondsStorageTakingMilliseconds() };
  return undefined;
}

function numberDefault(ttl: number): () => number {
  return () => Math.round((Date.now() + ttl) / 1000);
}

/**
 * The schema's own declaration of the TTL attribute, made one DynamoDB's TTL reads: a Date stored as epoch
 * seconds, or a Number (epoch seconds). Its other settings stay; without a default of its own it gets the
 * TTL's (now + `ttl`). Any other type is an `InvalidParameter` naming the model, attribute and type.
 *
 * @example
 * // new Schema({ id: String, ttl: Date }) on a table with `expires: 60_000`: `ttl` is stored as epoch seconds
 */
export function declaredTtlAttribute(
  declared: CompiledAttribute,
  expires: ResolvedExpires,
  modelName: string,
): CompiledAttribute {
  const variant = declared.variants.length === 1 ? epochSecondsVariant(declared.variants[0]!) : undefined;
  if (variant === undefined) {
    const types = declared.variants
      .map((each) => (each.kind === "scalar" ? each.type.name : each.kind))
      .join(" | ");
    throw new InvalidParameter(
      `Model "${modelName}": attribute "${declared.name}" is the table's TTL attribute (expires.attribute), ` +
        `which DynamoDB only reads as a Number of epoch seconds, but the schema declares it as ${types}. ` +
        "Declare it as Date or Number, or leave it out of the schema.",
    );
  }
  const addsDefault = !declared.settings.hasDefault && expires.ttl !== undefined;
  if (variant === declared.variants[0] && !addsDefault) return declared;
  const isDate = variant.kind === "scalar" && variant.type.name === "date";
  const ttl = expires.ttl;
  const settings =
    addsDefault && ttl !== undefined
      ? {
          ...declared.settings,
          hasDefault: true,
          default: isDate ? () => new Date(Date.now() + ttl) : numberDefault(ttl),
        }
      : declared.settings;
  return Object.freeze({
    ...declared,
    variants: Object.freeze([variant]),
    settings: Object.freeze(settings),
    flags: Object.freeze({ ...declared.flags, defaults: declared.flags.defaults || settings.hasDefault }),
  });
}
