/*
 * Duration and Size conversions that never throw. cdk8s throws when a Duration
 * is not a whole number of the unit asked for (and some of its conversions run
 * while the app is built, outside any validation), so the report of every other
 * mistake would be lost. Rendering uses the lenient conversions; the rules use
 * `checkWholeDuration()` / `checkWholeSize()` to report values that do not fit.
 * Library-internal.
 */
import { Duration, Size, SizeRoundingBehavior } from 'cdk8s';
import { ViolationCollector } from './validation';

/** The unit a Duration is rendered in. */
export type DurationUnit = 'seconds' | 'milliseconds';

/** The duration in `unit`, fractional when it is not whole (never throws). */
export function durationIn(d: Duration, unit: DurationUnit): number {
  return unit === 'seconds' ? d.toSeconds({ integral: false }) : d.toMilliseconds({ integral: false });
}

/** Whole seconds of a duration for rendering, or undefined. A fraction is kept and reported by the rules. */
export function seconds(d: Duration | undefined): number | undefined {
  return d === undefined ? undefined : durationIn(d, 'seconds');
}

/** Whole milliseconds of a duration for rendering, or undefined (see `seconds`). */
export function millis(d: Duration | undefined): number | undefined {
  return d === undefined ? undefined : durationIn(d, 'milliseconds');
}

/** A human form of a duration that cannot fail (cdk8s' toHumanString() throws on fractions of a millisecond). */
export function showDuration(d: Duration): string {
  const ms = d.toMilliseconds({ integral: false });
  return Number.isInteger(ms) ? d.toHumanString() : `${ms} ms`;
}

/**
 * Reports a duration that is not a whole number of `unit`, or below `min` of that unit.
 * @returns whether the duration is fine
 */
export function checkWholeDuration(c: ViolationCollector, subject: string, what: string, d: Duration | undefined,
  unit: DurationUnit, ruleId: string, min = 0): boolean {
  if (d === undefined) return true;
  const n = durationIn(d, unit);
  const name = unit === 'seconds' ? 'second' : 'millisecond';
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    c.add(subject, `${what} ${showDuration(d)} is not a whole number of ${name}s (it is rendered as ${unit})`,
      `use Duration.${unit === 'seconds' ? 'seconds' : 'millis'}() with a whole number`, ruleId);
    return false;
  }
  if (n < min) {
    c.add(subject, `${what} ${showDuration(d)} is below ${min} ${name}(s)`, `use at least ${min} ${name}(s)`, ruleId);
    return false;
  }
  return true;
}

/** KiB of a size, fractional when it is not whole (never throws). */
export function kibOf(s: Size): number {
  return s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}

/**
 * Reports a size that is not a positive whole number of KiB (so it renders as a
 * Kubernetes quantity without an exponent or NaN).
 * @returns whether the size is fine
 */
export function checkWholeSize(c: ViolationCollector, subject: string, what: string, s: Size | undefined, ruleId: string,
  allowZero = false): boolean {
  if (s === undefined) return true;
  const k = kibOf(s);
  const ok = Number.isFinite(k) && Number.isInteger(k) && (allowZero ? k >= 0 : k > 0);
  c.check(!ok, subject, `${what} ${s.asString()} is not a ${allowZero ? 'non-negative' : 'positive'} whole number of KiB`,
    'use Size.kibibytes(), Size.mebibytes() or Size.gibibytes() with a whole number', ruleId);
  return ok;
}

/**
 * A size as a Kubernetes quantity that is never an exponent or NaN: cdk8s renders
 * `Size.gibibytes(1e-7)` as `1e-7Gi`. Whole units keep their unit (`20Gi`), anything else
 * becomes whole KiB, or bytes written as a plain decimal.
 */
export function quantityOf(s: Size): string {
  const text = s.asString();
  if (/^\d+(Ki|Mi|Gi|Ti|Pi|Ei)?$/.test(text)) return text;
  const k = kibOf(s);
  if (!Number.isFinite(k)) return String(k);
  if (Number.isInteger(k)) return `${k}Ki`;
  return formatDecimal(k * 1024);
}

/**
 * A number as a plain decimal, never in exponent notation (`1e+21` -> `1000000000000000000000`,
 * `1e-7` -> `0.0000001`). NaN and infinities are returned as `String(n)` for the rules to report.
 */
export function formatDecimal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(n)) return BigInt(n).toString();
  const fixed = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}
