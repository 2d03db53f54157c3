/*
 * Unit conversions of the Strimzi constructs (library-internal).
 */
import { Size, SizeRoundingBehavior } from 'cdk8s';

/** A size in bytes, to 3 decimals (a size that is not a whole number of bytes stays visible to the rules). */
export function bytesOf(size: Size): number {
  return Math.round(size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024 * 1000) / 1000;
}
