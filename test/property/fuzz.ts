/*
 * Longer runs of the property test: `npm run fuzz -- --seed N --runs M [--valid-only|--mutated-only]`.
 * Classifies every generated app, groups the failures by kind and mutation, and prints
 * each group's first failure shrunk by fast-check (with the seed and path to replay it).
 */
import * as fc from 'fast-check';
import { classify, isFailure, Outcome } from './check';
import { AppSpec, mutatedApp, validApp } from './generator';
import { ConformanceValidator } from '../conformance/validator';

process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';

function args(argv: string[]): { seed: number; runs: number; valid: boolean; mutated: boolean } {
  const out = { seed: Date.now() % 2 ** 31, runs: 200, valid: true, mutated: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') out.seed = Number(argv[++i]);
    else if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '--valid-only') out.mutated = false;
    else if (argv[i] === '--mutated-only') out.valid = false;
    else throw new Error(`unknown argument ${argv[i]} (use --seed N --runs M [--valid-only|--mutated-only])`);
  }
  return out;
}

function signature(spec: AppSpec, o: Outcome): string {
  const first = (o.detail ?? '').split('\n')[0].replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 160);
  return `${o.kind} | ${spec.mutation ?? 'valid app'} | ${first}`;
}

function main(): void {
  const opts = args(process.argv.slice(2));
  const validator = new ConformanceValidator();
  const sets: Array<[string, fc.Arbitrary<AppSpec>, number]> = [];
  if (opts.valid) sets.push(['valid', validApp(), opts.seed]);
  if (opts.mutated) sets.push(['mutated', mutatedApp(), opts.seed + 1]);
  let failed = 0;
  for (const [name, arb, seed] of sets) {
    const counts = new Map<string, number>();
    const groups = new Map<string, number>();
    const samples = fc.sample(arb, { seed, numRuns: opts.runs });
    samples.forEach((spec, i) => {
      const o = classify(spec, validator);
      counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
      if (isFailure(spec, o)) {
        const sig = signature(spec, o);
        if (!groups.has(sig)) groups.set(sig, i);
      }
    });
    console.log(`${name} apps (seed ${seed}, ${opts.runs} runs): ${[...counts.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const [sig, index] of groups) {
      failed++;
      const property = fc.property(arb, (spec) => {
        const o = classify(spec, validator);
        if (isFailure(spec, o) && signature(spec, o).split(' | ').slice(0, 2).join(' | ') === sig.split(' | ').slice(0, 2).join(' | ')) {
          throw new Error(`${o.kind}: ${o.detail}`);
        }
      });
      const result = fc.check(property, { seed, path: String(index), numRuns: 1 });
      console.log(`\nFAILURE ${sig}`);
      console.log(`  replay: --seed ${seed} (run ${index}); fast-check path ${result.counterexamplePath ?? String(index)}`);
      console.log(`  shrunk: ${JSON.stringify(result.counterexample?.[0] ?? samples[index])}`);
      console.log(`  ${String((result.errorInstance as any)?.message ?? '').split('\n').join('\n  ')}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}

main();
