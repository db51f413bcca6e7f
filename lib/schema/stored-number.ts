// DynamoDB numbers are decimals of up to 38 digits; a JavaScript number holds about 15 to 17. Reading a
// stored integer beyond 2^53 as a number rounds it ("12345678901234567890" becomes ...568000), and
// comparing two stored numbers as doubles makes distinct ones look equal. Both would change data without
// a word, so the readers, the change detection and the key identities go through these instead.

/** Plain integer text, the form DynamoDB gives integers in. */
const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * A stored number's JavaScript value: a number when writing that number back stores the same value (the
 * text is the number's own spelling, as when a number was written), else, for an integer, the exact
 * bigint (as util-dynamodb's `unmarshall` gives a BigInt for large integers). So 2^60, written from a
 * number as "1152921504606847000", reads back as that number, and a 64-bit ID written by another service
 * reads back exactly. A decimal beyond a double's precision is read as the nearest number.
 *
 * @example
 * ```ts
 * numberFromDynamo("42"); // 42
 * numberFromDynamo("12345678901234567890"); // 12345678901234567890n
 * ```
 */
export function numberFromDynamo(text: string): number | bigint {
  const value = Number(text);
  // The common case costs two comparisons; only rare large values look at the text.
  if (value <= Number.MAX_SAFE_INTEGER && value >= Number.MIN_SAFE_INTEGER) return value;
  if (!INTEGER_TEXT.test(text) || canonicalNumber(String(value)) === canonicalNumber(text)) return value;
  return BigInt(text);
}

/**
 * One spelling per decimal value, exactly: "1", "1.0", "1e0" and "10E-1" all give "1e0", and two
 * numbers that differ in their 30th digit give different texts. Not a number format anyone reads; it
 * is for comparing and for identities.
 *
 * @example
 * ```ts
 * canonicalNumber("-0012.500"); // "-125e-1"
 * canonicalNumber("0.0"); // "0"
 * ```
 */
export function canonicalNumber(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) return text; // not a number DynamoDB would store: compared as written
  const [, sign, whole = "", fraction = "", exponentText = "0"] = match;
  let digits = (whole + fraction).replace(/^0+/, "");
  if (digits === "") return "0";
  let exponent = Number(exponentText) - fraction.length;
  const trailingZeros = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailingZeros);
  exponent += trailingZeros;
  return `${sign === "-" ? "-" : ""}${digits}e${exponent}`;
}

/** Whether two stored number texts are the same number (exactly, however each is spelled). */
export function sameStoredNumber(a: string, b: string): boolean {
  if (a === b) return true;
  // Different doubles are different numbers; equal doubles may still be different decimals.
  if (Number(a) !== Number(b)) return false;
  return canonicalNumber(a) === canonicalNumber(b);
}
