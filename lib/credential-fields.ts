// SPEC §8: credentials never appear in an error or a log line. The field names that hold them, as a
// case-insensitive alternation, masked by error descriptions (errors.ts) and log lines (logger/format.ts).
// Kept out of errors.ts, whose exports are the package's error API.
export const CREDENTIAL_FIELDS = "secretAccessKey|accessKeyId|sessionToken|authorization";
