// The ISO strings a `storage: "iso"` Date takes (lib/schema/types/iso-date.ts), against ECMAScript's reading
// of the same strings where both take them.
import { parseIsoDate } from "../../lib/schema/types/iso-date";

describe("parseIsoDate", () => {
  it.each([
    "2020",
    "2020-02",
    "2020-02-29",
    "2020-01-01T10:00Z",
    "2020-01-01T10:00:30Z",
    "2020-01-01T10:00:30.1Z",
    "2020-01-01T10:00:30.123Z",
    "2020-01-01T10:00:30.123456789Z",
    "2020-01-01T10:00:30+05:30",
    "2020-01-01T10:00:30-08:00",
    "2020-01-01T24:00:00Z",
    "2020T10:00Z",
    "2020-06T10:00+01:00",
    "+012020-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "0001-01-01",
    "0099-12-31T23:59:59Z",
    "+275760-09-13T00:00:00Z",
  ])("reads %j as new Date() does", (text) => {
    expect(parseIsoDate(text)?.toISOString()).toBe(new Date(text).toISOString());
  });

  it.each([
    ["2020-01-01t10:00:00z", "2020-01-01T10:00:00.000Z"],
    ["2020-01-01 10:00:00Z", "2020-01-01T10:00:00.000Z"],
    ["2020-01-01T10:00:00+0100", "2020-01-01T09:00:00.000Z"],
    ["2020-01-01T10:00:00-01", "2020-01-01T11:00:00.000Z"],
    ["2020-12-31T23:00:00-02:00", "2021-01-01T01:00:00.000Z"],
  ])("reads RFC 3339's %j as the instant it names", (text, instant) => {
    expect(parseIsoDate(text)?.toISOString()).toBe(instant);
  });

  it.each([
    ["a time without its zone", "2020-01-01T10:00"],
    ["a time without its zone, after a space", "2020-01-01 10:00:00"],
    ["a day past the month's end", "2020-02-30"],
    ["February 29th of a common year", "2021-02-29"],
    ["February 29th of a century that is not a leap year", "1900-02-29"],
    ["month 13", "2020-13-01"],
    ["month 0", "2020-00-10"],
    ["day 0", "2020-01-00"],
    ["hour 25", "2020-01-01T25:00Z"],
    ["24:00 with minutes", "2020-01-01T24:30Z"],
    ["minute 60", "2020-01-01T10:60Z"],
    ["a leap second", "2020-12-31T23:59:60Z"],
    ["an offset of 24 hours", "2020-01-01T10:00+24:00"],
    ["an offset minute of 60", "2020-01-01T10:00+01:60"],
    ["negative year zero", "-000000-01-01T00:00:00Z"],
    ["a space before a partial date's time", "2020-01 10:00Z"],
    ["a year alone as a number", "1"],
    ["prose", "March 7, 2020"],
    ["past the last instant ECMAScript holds", "+275760-09-13T00:00:00.001Z"],
    ["a trailing space", "2020-01-01 "],
  ])("refuses %s (%j)", (_, text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});
