import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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

describe('acknowledging warnings', () => {
  class RuleWarning extends Construct {
    constructor(scope: Construct, id: string, ruleId: string) {
      super(scope, id);
      addRules(this, () => Warnings.of(this).add('something worth a look', ruleId));
    }
  }

  test('a warning with a rule ID carries it before the message', () => {
    const app = Testing.app();
    new RuleWarning(new Chart(app, 'c'), 'w', 'KAF-TST-001');
    captureStderr(() => app.synth());
    expect(Warnings.collect(app)).toEqual(['[c/w] KAF-TST-001 something worth a look']);
  });

  test('acknowledged on a construct: that subtree only, listed with its reason', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const team = new Construct(chart, 'team');
    new RuleWarning(team, 'a', 'KAF-TST-001');
    new RuleWarning(chart, 'b', 'KAF-TST-001');
    Warnings.acknowledge(team, 'KAF-TST-001', 'dev cluster, data is disposable');
    const out = captureStderr(() => app.synth());
    expect(out).toBe([
      'cdk8s-kafka: 1 warning(s):',
      '  [c/b] KAF-TST-001 something worth a look',
      'cdk8s-kafka: 1 acknowledged warning(s):',
      '  [c/team/a] KAF-TST-001 something worth a look (acknowledged at [c/team]: dev cluster, data is disposable)',
      '',
    ].join('\n'));
    expect(Warnings.acknowledged(app)).toEqual([{
      warning: '[c/team/a] KAF-TST-001 something worth a look', ruleId: 'KAF-TST-001', reason: 'dev cluster, data is disposable', acknowledgedAt: 'c/team',
    }]);
  });

  test('acknowledged for the whole app, and written to the report file, never into manifests', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-')), 'report.json');
    const app = Testing.app();
    new RuleWarning(new Chart(app, 'c'), 'w', 'KAF-TST-002');
    Warnings.acknowledge(app, 'KAF-TST-002', 'accepted risk');
    process.env.CDK8S_KAFKA_WARNINGS_FILE = file;
    let out: string;
    try {
      out = captureStderr(() => app.synth());
    } finally {
      delete process.env.CDK8S_KAFKA_WARNINGS_FILE;
    }
    expect(out).toBe('cdk8s-kafka: 1 acknowledged warning(s):\n  [c/w] KAF-TST-002 something worth a look (acknowledged at the app: accepted risk)\n');
    expect(JSON.parse(fs.readFileSync(file, 'utf-8'))).toEqual({
      warnings: [],
      acknowledged: [{ warning: '[c/w] KAF-TST-002 something worth a look', ruleId: 'KAF-TST-002', reason: 'accepted risk', acknowledgedAt: '' }],
    });
    const manifests = fs.readdirSync(app.outdir).map((f) => fs.readFileSync(path.join(app.outdir, f), 'utf-8')).join('');
    expect(manifests).not.toContain('accepted risk');
  });

  test('an acknowledgement that matches no warning is itself a warning', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new RuleWarning(chart, 'w', 'KAF-TST-001');
    Warnings.acknowledge(chart, 'KAF-TST-009', 'typo');
    const out = captureStderr(() => app.synth());
    expect(out).toBe('cdk8s-kafka: 2 warning(s):\n  [c/w] KAF-TST-001 something worth a look\n  [c] KAF-APP-010 acknowledgement of KAF-TST-009 matches no warning; remove it\n');
  });

  test('a malformed ID or an empty reason is an error; an error rule cannot be silenced by acknowledging it', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    Warnings.acknowledge(chart, 'TOPIC-4', 'x');
    Warnings.acknowledge(chart, 'KAF-TST-001', ' ');
    class Fails extends Construct {
      constructor(scope: Construct, id: string) {
        super(scope, id);
        addRules(this, (c) => c.add('thing', 'is broken', 'fix it', 'KAF-TST-003'));
      }
    }
    new Fails(chart, 'f');
    Warnings.acknowledge(chart, 'KAF-TST-003', 'please');
    expect(() => captureStderr(() => app.synth())).toThrow([
      'Validation failed with the following errors:',
      '  [c] KAF-APP-008 acknowledgement of "TOPIC-4": not a rule ID (KAF-<AREA>-<NNN>, see docs/rules.md); use the ID printed before the warning',
      '  [c] KAF-APP-009 acknowledgement of KAF-TST-001: the reason is empty; say why the warning does not apply',
      '  [c/f] KAF-TST-003 thing: is broken; fix it',
    ].join('\n'));
  });
});
