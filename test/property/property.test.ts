/*
 * Property-based test (bounded): generated apps over every construct and option,
 * valid ones and ones with a single deliberate mistake. `npm run fuzz -- --seed N --runs M`
 * runs the same property longer and prints each failure shrunk.
 */
import * as fc from 'fast-check';
import { classify, isFailure } from './check';
import { mutatedApp, validApp } from './generator';
import { ConformanceValidator } from '../conformance/validator';

process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';
const validator = new ConformanceValidator();
const SEED = Number(process.env.PROPERTY_SEED ?? 20261202);

function property(arb: fc.Arbitrary<any>) {
  return fc.property(arb, (spec) => {
    const outcome = classify(spec, validator);
    if (isFailure(spec, outcome)) {
      throw new Error(`${outcome.kind}${spec.mutation ? ` (mutation: ${spec.mutation})` : ''}: ${outcome.detail}`);
    }
  });
}

describe('generated apps', () => {
  test('valid apps synthesize, conform and are deterministic', () => {
    fc.assert(property(validApp()), { seed: SEED, numRuns: 40, endOnFailure: false });
  }, 120_000);

  test('apps with one deliberate mistake are reported, never crash', () => {
    fc.assert(property(mutatedApp()), { seed: SEED + 1, numRuns: 60 });
  }, 120_000);
});
