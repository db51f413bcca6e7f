// The strings a `storage: "iso"` Date takes: ISO 8601 / RFC 3339 dates and date-times that name one instant
// wherever they are read. Checked field by field, not handed to `new Date()`: that reads a time without a
// zone in the process's time zone, `"1"` as a year, and rolls an impossible day (`2020-02-30`) over into
// the next month.

// A time needs its zone: a date-time names an instant only with one ("2020-01-01 10:00" is local to someone).
const ISO_FORM =
  /^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Minutes east of UTC for `Z`, `+05:30`, `-0800` or `+01`; undefined when out of range. */
function offsetMinutes(zone: string): number | undefined {
  if (zone === "Z" || zone === "z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The instant an ISO string names, or undefined when it names none: a date (`2020-01-01`, `2020-01`,
 * `2020`; UTC), or a date and time with its zone (`T`, `t` or a space between them; `Z`, `z`, `±hh:mm`,
 * `±hhmm` or `±hh`). A time without a zone, an impossible date or time, or anything else is undefined.
 *
 * @example parseIsoDate("2020-03-07T10:00:00+01:00")?.toISOString() // "2020-03-07T09:00:00.000Z"
 */
export function parseIsoDate(text: string): Date | undefined {
  const parts = ISO_FORM.exec(text);
  if (parts === null) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = parts;
  if (yearText === "-000000") return undefined; // ECMAScript has no negative zero year
  const hasTime = hourText !== undefined;
  // Lowercase letters and a space are RFC 3339's, which writes full dates only.
  if (hasTime && dayText === undefined && !text.includes("T")) return undefined;
  const year = Number(yearText);
  const month = monthText === undefined ? 1 : Number(monthText);
  const day = dayText === undefined ? 1 : Number(dayText);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && !isLeapYear(year) ? 28 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  const hour = hasTime ? Number(hourText) : 0;
  const minute = hasTime ? Number(minuteText) : 0;
  const second = secondText === undefined ? 0 : Number(secondText);
  const milliseconds = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  // 24:00 is the end of the day (the next day's midnight), as ECMAScript reads it; a leap second (:60) is
  // refused, as ECMAScript refuses it.
  const endOfDay = hour === 24 && minute === 0 && second === 0 && milliseconds === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return undefined;
  const offset = zone === undefined ? 0 : offsetMinutes(zone);
  if (offset === undefined) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, years 0–99 stay themselves
  date.setUTCHours(hour, minute - offset, second, milliseconds);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
