// Runs queries and scans: one loop of "rounds" serves exec(), all(), pages() and async iteration. A round
// is one request per unfinished segment (a plain query or scan has one segment), sent through
// sendForModel, its items through the read pipeline (itemFromImage). Rounds are produced by an async
// generator, so the next request is sent only when the consumer asks for the next round: after a
// `break`, nothing more is sent, and at most one page per segment is held at a time.
import type {
  AttributeValue,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
} from "@aws-sdk/client-dynamodb";
import { Condition } from "../expressions/condition";
import { lastKeyFromDynamo } from "../operations/last-key";
import { buildQueryInput } from "../operations/query";
import type { RetrieveSettings } from "../operations/retrieve-input";
import { buildScanInput } from "../operations/scan";
import { autoPopulate } from "./auto-populate";
import { itemFromImage, sendForModel } from "./persist";
import { withReadNeeds } from "./read-needs";
import { markPartialImages } from "./stored-images";
import {
  type PageTotals,
  type ParallelLastKey,
  type QueryCount,
  type QueryResponse,
  type RetrieveKind,
  type ScanCount,
  type ScanResponse,
  toCount,
  toResponse,
} from "./retrieve-response";
import type { ModelRuntime } from "./runtime";
import { listsReadInPart, namesReadWhole } from "../expressions/projection-lists";

/** Everything a builder knows: what to run, against which model. */
export interface RetrieveJob {
  readonly runtime: ModelRuntime;
  readonly kind: RetrieveKind;
  readonly condition: Condition;
  readonly settings: RetrieveSettings;
  /**
   * The error of the first chain step that failed (a bad argument: `in([])`, `limit(-1)` …): kept by the
   * builder and thrown when the request is built, so `exec()` rejects (or calls back) with it. Boxed, so
   * that even `throw undefined` counts as a failure.
   */
  readonly failure?: { readonly error: unknown };
}

type ReadInput = QueryCommandInput | ScanCommandInput;
type ReadOutput = QueryCommandOutput | ScanCommandOutput;
export type RetrieveResult<T> = QueryResponse<T> | ScanResponse<T> | QueryCount | ScanCount;

interface SegmentPage {
  /** Which segment of a parallel scan the page belongs to (0 for anything else). */
  readonly segment: number;
  readonly output: ReadOutput;
  readonly items: object[];
}

interface Round {
  readonly pages: readonly SegmentPage[];
  readonly lastKey: PageTotals["lastKey"];
}

/**
 * With `expires.items.returnExpired: false`, reads drop expired items after they arrive; a count gets no
 * items to drop, so DynamoDB must leave them out of its count: the condition gains "no TTL, or a TTL
 * still in the future" (the same test as `isExpiredImage`, to the second).
 */
function liveItemsFilter(job: RetrieveJob): Condition | undefined {
  const expires = job.runtime.table.options.expires;
  if (job.settings.count !== true || expires === undefined || expires.returnExpired) return undefined;
  const attribute = expires.attribute;
  // The value in the form the attribute is declared with: the table's own TTL attribute is a Date stored
  // as epoch seconds; a schema may declare it itself as a Number of epoch seconds.
  const declared = job.runtime.compiled[0]!.shape.byName.get(attribute);
  const isDate = declared?.variants.some(
    (variant) => variant.kind === "scalar" && variant.type.name === "date",
  );
  const now = isDate === false ? Math.floor(Date.now() / 1000) : new Date();
  return new Condition(attribute).exists(false).or().where(attribute).gt(now);
}

/** One input per segment (a single one unless this is a parallel scan), built once and reused per page. */
export function buildInputs(job: RetrieveJob): ReadInput[] {
  if (job.failure !== undefined) throw job.failure.error;
  const inputs = buildInputsWith(job, job.settings);
  // A projection also reads what the table needs, where the index read (chosen while building) has it.
  const { settings, unasked } = withReadNeeds(job.runtime, job.settings, inputs[0]!.IndexName);
  return unasked === undefined ? inputs : buildInputsWith(job, settings);
}

function buildInputsWith(job: RetrieveJob, settings: RetrieveJob["settings"]): ReadInput[] {
  const { runtime, kind } = job;
  const live = liveItemsFilter(job);
  const tableName = runtime.table.name;
  // A query's condition goes to the planner as the caller wrote it (a top-level OR keeps Dynamoose's
  // reading there), with the TTL test AND-ed to the filter; a scan's is grouped whole with it, since AND
  // must not bind to only its last OR branch.
  if (kind === "query") {
    return [buildQueryInput(tableName, runtime.compiled, job.condition, settings, live)];
  }
  const condition =
    live === undefined ? job.condition : new Condition().group(job.condition).and().group(live);
  const segments = settings.segments ?? 1;
  return Array.from({ length: segments }, (_unused, segment) =>
    buildScanInput(tableName, runtime.compiled, condition, settings, segment),
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where each segment stands: a key to continue from, undefined (not started) or null (finished). */
type Position = Record<string, AttributeValue> | undefined | null;

function lastKeyOf(job: RetrieveJob, positions: readonly Position[]): PageTotals["lastKey"] {
  const schema = job.runtime.compiled[0]!;
  const convert = (position: Position) => (position ? lastKeyFromDynamo(schema, position) : null);
  if (job.settings.segments === undefined) return convert(positions[0]) ?? undefined;
  if (positions.every((position) => position === null)) return undefined;
  return positions.map(convert) satisfies ParallelLastKey;
}

/** Whether the index read projects only some attributes (KEYS_ONLY or INCLUDE): its items are partial. */
function projectsPart(runtime: ModelRuntime, indexName: string | undefined): boolean {
  if (indexName === undefined) return false;
  for (const schema of runtime.compiled) {
    const index = schema.indexes.find((candidate) => candidate.name === indexName);
    if (index !== undefined) return index.project !== true;
  }
  return false;
}

async function requestPage(
  job: RetrieveJob,
  segment: number,
  input: ReadInput,
  start: Position,
): Promise<SegmentPage> {
  const { runtime } = job;
  const operation = job.kind === "query" ? "Query" : "Scan";
  const output = await sendForModel<ReadOutput>(
    runtime,
    operation,
    start ? { ...input, ExclusiveStartKey: start } : input,
  );
  const images = output.Items ?? [];
  if (input.ProjectionExpression !== undefined || projectsPart(runtime, input.IndexName)) {
    const { ProjectionExpression: projection, ExpressionAttributeNames: names } = input;
    const whole = runtime.compiled.length === 1 ? namesReadWhole(projection, names) : undefined;
    markPartialImages(images, listsReadInPart(projection, names), whole);
  }
  const items: (object | Promise<object>)[] = new Array(images.length);
  let pending = false;
  const { unasked } = withReadNeeds(runtime, job.settings, input.IndexName);
  for (let at = 0; at < images.length; at += 1) {
    const item = (items[at] = itemFromImage(runtime, images[at]!, unasked));
    if (item instanceof Promise) pending = true;
  }
  // Only an asynchronous `get` makes a promise; a page of plain items costs none.
  const page = pending ? await Promise.all(items) : (items as object[]);
  const populating = autoPopulate(runtime, page);
  if (populating !== undefined) await populating;
  return { segment, output, items: page };
}

/**
 * The rounds of a query or scan. `follow`: keep going while DynamoDB returns a `LastEvaluatedKey`
 * (limited by `all()`'s `max` rounds, with its `delay` between rounds); otherwise one round.
 */
async function* rounds(job: RetrieveJob, follow: boolean): AsyncGenerator<Round> {
  const inputs = buildInputs(job);
  const { startAt } = job.settings;
  // A `null` entry in a parallel scan's lastKey marks a segment that had already finished.
  const positions: Position[] = inputs.map((_input, segment) =>
    Array.isArray(startAt) && startAt[segment] === null ? null : undefined,
  );
  const { delay, max } = job.settings.all ?? { delay: 0, max: 0 };
  for (let round = 0; positions.some((position) => position !== null); round += 1) {
    if (round > 0 && delay > 0) await sleep(delay);
    const active = positions.flatMap((position, segment) => (position === null ? [] : [segment]));
    const pages = await Promise.all(
      active.map((segment) => requestPage(job, segment, inputs[segment]!, positions[segment])),
    );
    for (const page of pages) positions[page.segment] = page.output.LastEvaluatedKey ?? null;
    yield { pages, lastKey: lastKeyOf(job, positions) };
    if (!follow || (max > 0 && round + 1 >= max)) return;
  }
}

// Counts fall back to what was returned, for endpoints that leave out ScannedCount or Count.
const countOf = (page: SegmentPage) => page.output.Count ?? page.items.length;
const scannedOf = (page: SegmentPage) => page.output.ScannedCount ?? countOf(page);

function finish<T>(job: RetrieveJob, items: object[], totals: PageTotals): RetrieveResult<T> {
  if (job.settings.count === true) return toCount(job.kind, totals);
  return toResponse(job.kind, items as (T & object)[], totals) as RetrieveResult<T>;
}

/**
 * `exec()`: one round, or every round with `all()`; the items and totals merged. A parallel scan's items
 * come segment by segment (all of segment 0's pages, then segment 1's …), as Dynamoose merges them.
 */
export async function runRetrieve<T>(job: RetrieveJob): Promise<RetrieveResult<T>> {
  const itemsBySegment: object[][] = [[]];
  let totals: PageTotals = { lastKey: undefined, count: 0, scannedCount: 0, requests: 0 };
  for await (const round of rounds(job, job.settings.all !== undefined)) {
    let { count, scannedCount, requests } = totals;
    for (const page of round.pages) {
      const items = (itemsBySegment[page.segment] ??= []);
      for (const item of page.items) items.push(item);
      count += countOf(page);
      scannedCount += scannedOf(page);
      requests += 1;
    }
    totals = { lastKey: round.lastKey, count, scannedCount, requests };
  }
  const items = itemsBySegment.length === 1 ? itemsBySegment[0]! : itemsBySegment.flat();
  return finish<T>(job, items, totals);
}

/** `pages()`: each round as a result shaped like `exec()`'s, following every `LastEvaluatedKey`. */
export async function* retrievePages<T>(job: RetrieveJob): AsyncGenerator<RetrieveResult<T>> {
  for await (const round of rounds(job, true)) {
    const items = round.pages.flatMap((page) => page.items);
    yield finish<T>(job, items, {
      lastKey: round.lastKey,
      count: round.pages.reduce((sum, page) => sum + countOf(page), 0),
      scannedCount: round.pages.reduce((sum, page) => sum + scannedOf(page), 0),
      requests: round.pages.length,
    });
  }
}
