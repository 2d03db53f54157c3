import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { FleetApp, Warnings } from '../src';
import { addRules } from '../src/common/validation';

/** A construct that raises its warning only while it is validated, as the library's constructs do. */
class WarnsDuringValidation extends Construct {
  constructor(scope: Construct, id: string, message: string) {
    super(scope, id);
    addRules(this, () => Warnings.of(this).add(message));
  }
}

function captureStderr(run: () => void): string {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const silenced = process.env.CDK8S_KAFKA_SILENCE_WARNINGS;
  delete process.env.CDK8S_KAFKA_SILENCE_WARNINGS;
  try {
    run();
    return spy.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    spy.mockRestore();
    if (silenced !== undefined) process.env.CDK8S_KAFKA_SILENCE_WARNINGS = silenced;
  }
}

describe('the warnings printer', () => {
  test('a warning raised during a child\'s validation reaches stderr, once per synth (App, chart per construct)', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a');
    new WarnsDuringValidation(a, 'first', 'first warning');
    const b = new Chart(app, 'b');
    new WarnsDuringValidation(new Construct(b, 'deep'), 'second', 'second warning');
    const out = captureStderr(() => app.synth());
    expect(out).toBe('cdk8s-kafka: 2 warning(s):\n  [a/first] first warning\n  [b/deep/second] second warning\n');
  });

  test('FleetApp prints the same report once', () => {
    const app = new FleetApp({ outdir: Testing.app().outdir });
    new WarnsDuringValidation(new Chart(app, 'a'), 'w', 'only warning');
    new Chart(app, 'empty');
    const out = captureStderr(() => app.synth());
    expect(out).toBe('cdk8s-kafka: 1 warning(s):\n  [a/w] only warning\n');
  });

  test('Testing.synth of one chart prints warnings raised in validation', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const chart = new Chart(app, 'c');
    new WarnsDuringValidation(chart, 'w', 'chart warning');
    const out = captureStderr(() => Testing.synth(chart));
    expect(out).toBe('cdk8s-kafka: 1 warning(s):\n  [c/w] chart warning\n');
  });

  test('CDK8S_KAFKA_SILENCE_WARNINGS stops printing; the warning is still recorded', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new WarnsDuringValidation(chart, 'w', 'quiet warning');
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';
    try {
      app.synth();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      delete process.env.CDK8S_KAFKA_SILENCE_WARNINGS;
    }
    expect(Warnings.collect(app)).toEqual(['[c/w] quiet warning']);
  });
});
