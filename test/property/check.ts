/*
 * The property every generated app must have: synthesis either succeeds, and
 * every document passes the strict conformance kit, or it fails with the
 * library's own report (every line `[construct path] message`); never another
 * exception; and the same spec gives the same YAML twice.
 */
import { AppSpec, buildApp } from './generator';
import { ConformanceValidator } from '../conformance/validator';

const REPORT_HEADER = 'Validation failed with the following errors:';

/** What happened to one app. */
export interface Outcome {
  readonly kind: 'synthesized' | 'reported' | 'crashed' | 'nonconformant' | 'nondeterministic' | 'unreported-mutation';
  readonly detail?: string;
}

function synthOnce(spec: AppSpec): { yaml?: string; docs?: any[]; error?: any } {
  try {
    const app = buildApp(spec);
    const yaml = app.synthYaml();
    const docs = app.charts.flatMap((c) => c.toJson());
    return { yaml, docs };
  } catch (error) {
    return { error };
  }
}

/** Classifies one app. */
export function classify(spec: AppSpec, validator: ConformanceValidator): Outcome {
  const first = synthOnce(spec);
  if (first.error !== undefined) {
    const msg: string = first.error?.message ?? String(first.error);
    if (!(first.error instanceof Error) || !msg.startsWith(REPORT_HEADER)) {
      return { kind: 'crashed', detail: `${first.error?.constructor?.name ?? typeof first.error}: ${msg.split('\n').slice(0, 3).join(' | ')}` };
    }
    const lines = msg.split('\n').slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
    const unnamed = lines.find((l) => !/^\[[^\]]*\] /.test(l) || (/^\[\] /.test(l) && !/ by [\w./-]+ /.test(l)));
    if (lines.length === 0 || unnamed) {
      return { kind: 'crashed', detail: `report line without a construct path: ${unnamed ?? '(empty report)'}` };
    }
    return { kind: 'reported', detail: lines.join('\n') };
  }
  const problems: string[] = [];
  for (const doc of first.docs!) {
    for (const e of validator.validate(doc)) {
      problems.push(`${doc.kind}/${doc.metadata?.namespace ?? ''}/${doc.metadata?.name}: ${e}`);
    }
  }
  if (problems.length > 0) {
    return { kind: 'nonconformant', detail: problems.slice(0, 5).join('\n') };
  }
  const second = synthOnce(spec);
  if (second.yaml !== first.yaml) {
    return { kind: 'nondeterministic', detail: second.error ? String(second.error?.message) : 'the YAML differs between two synths of the same spec' };
  }
  if (spec.mutation) {
    return { kind: 'unreported-mutation', detail: spec.mutation };
  }
  return { kind: 'synthesized' };
}

/**
 * Mutations that are allowed to synthesize: mistakes the library reports as a
 * warning (the output is still valid), and edge values that must not crash but
 * are valid (a blank partitionLimitation means no limit).
 */
export const WARNING_MUTATIONS = new Set<string>([
  'nodePort outside 30000-32767',
  'partitionLimitation blank',
]);

/** Whether an outcome breaks the property. */
export function isFailure(spec: AppSpec, o: Outcome): boolean {
  if (o.kind === 'crashed' || o.kind === 'nonconformant' || o.kind === 'nondeterministic') return true;
  if (o.kind === 'unreported-mutation') return !WARNING_MUTATIONS.has(spec.mutation!);
  if (o.kind === 'reported' && !spec.mutation) return true; // a valid app was rejected
  return false;
}
