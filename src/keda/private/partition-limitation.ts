/**
 * KEDA's partitionLimitation syntax, parsed: comma-separated partition ids and
 * inclusive ranges `a-b` (a <= b). A blank string means no limit.
 */
export function parsePartitionLimitation(spec: string): { ids?: number[]; error?: string } {
  if (spec.trim() === '') {
    return {};
  }
  const ids = new Set<number>();
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) {
        return { error: `range "${item}" runs backwards` };
      }
      for (let i = from; i <= to; i++) {
        ids.add(i);
      }
    } else if (/^\d+$/.test(item)) {
      ids.add(Number(item));
    } else {
      return { error: `"${item}" is neither a partition id nor a range` };
    }
  }
  return { ids: [...ids].sort((a, b) => a - b) };
}

/** The partitions the trigger counts, when known: the topic's, narrowed by `partitionLimitation`. */
export function partitionCap(partitions: number | undefined, partitionLimitation: string | undefined): number | undefined {
  if (partitions === undefined) {
    return undefined;
  }
  const limited = partitionLimitation !== undefined ? parsePartitionLimitation(partitionLimitation) : undefined;
  if (limited && limited.ids) {
    return limited.ids.filter((p) => p < partitions).length;
  }
  return partitions;
}
