/*
 * KEDA's partitionLimitation syntax, parsed without expanding ranges (a range like
 * 0-2000000000 stays two numbers): comma-separated partition ids and inclusive
 * ranges `a-b` (a <= b). A blank value means no limit. Library-internal.
 */

/** Kafka partition ids are 32-bit signed integers. */
const MAX_PARTITION_ID = 2 ** 31 - 1;

/** A parsed partitionLimitation: merged, sorted, inclusive ranges; or why it is invalid. */
export interface ParsedPartitionLimitation {
  /** Inclusive ranges, sorted and merged; undefined when blank (no limit) or invalid. */
  readonly ranges?: Array<[number, number]>;
  /** Why the value is invalid. */
  readonly error?: string;
}

/** Parses a partitionLimitation value (any input; never throws). */
export function parsePartitionLimitation(spec: unknown): ParsedPartitionLimitation {
  if (typeof spec !== 'string') {
    return { error: `it is a ${spec === null ? 'null' : typeof spec}, not a string` };
  }
  if (spec.trim() === '') {
    return {};
  }
  const ranges: Array<[number, number]> = [];
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(item);
    const single = /^\d+$/.exec(item);
    if (!range && !single) {
      return { error: item === '' ? 'it has an empty entry' : `"${item}" is neither a partition id nor a range` };
    }
    const from = Number(range ? range[1] : item);
    const to = Number(range ? range[2] : item);
    if (from > MAX_PARTITION_ID || to > MAX_PARTITION_ID) {
      return { error: `"${item}" names a partition above ${MAX_PARTITION_ID}, the largest partition id` };
    }
    if (from > to) {
      return { error: `range "${item}" runs backwards` };
    }
    ranges.push([from, to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      merged.push([r[0], r[1]]);
    }
  }
  return { ranges: merged };
}

/** How many of the ids in `ranges` are below `partitions` (exist in a topic of that many partitions). */
export function countPartitionsBelow(ranges: Array<[number, number]>, partitions: number): number {
  let n = 0;
  for (const [from, to] of ranges) {
    if (from >= partitions) break;
    n += Math.min(to, partitions - 1) - from + 1;
  }
  return n;
}

/** The part of `ranges` at or above `partitions`, as text (`6, 8-10`), or undefined when there is none. */
export function partitionsAtOrAbove(ranges: Array<[number, number]>, partitions: number): string | undefined {
  const out: string[] = [];
  for (const [from, to] of ranges) {
    if (to < partitions) continue;
    const a = Math.max(from, partitions);
    out.push(a === to ? `${a}` : `${a}-${to}`);
  }
  return out.length > 0 ? out.join(', ') : undefined;
}

/** The partitions the trigger counts, when known: the topic's, narrowed by `partitionLimitation`. */
export function partitionCap(partitions: number | undefined, partitionLimitation: unknown): number | undefined {
  if (partitions === undefined) {
    return undefined;
  }
  const limited = partitionLimitation !== undefined ? parsePartitionLimitation(partitionLimitation) : undefined;
  return limited?.ranges ? countPartitionsBelow(limited.ranges, partitions) : partitions;
}
