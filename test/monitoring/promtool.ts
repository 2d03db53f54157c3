/*
 * Runs Prometheus' promtool on generated rule groups: `promtool check rules`
 * and `promtool test rules` with unit tests written by the caller.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';

export function promtoolPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' });
  const p = found.stdout.trim();
  if (found.status !== 0 || p === '') {
    throw new Error('promtool not found on PATH: install Debian\'s "prometheus" package (apt-get install -y prometheus), which ships promtool');
  }
  return p;
}

function run(args: string[], cwd: string): { status: number; output: string } {
  const r = spawnSync(promtoolPath(), args, { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}

function writeRules(groups: any[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-'));
  fs.writeFileSync(path.join(dir, 'rules.yml'), YAML.stringify({ groups }));
  return dir;
}

/** `promtool check rules` on the groups; returns promtool's output, throws on failure. */
export function checkRules(groups: any[]): string {
  const dir = writeRules(groups);
  const r = run(['check', 'rules', 'rules.yml'], dir);
  if (r.status !== 0 || /FAILED|lint error/.test(r.output)) {
    throw new Error(`promtool check rules failed:\n${r.output}\n--- rules.yml ---\n${fs.readFileSync(path.join(dir, 'rules.yml'), 'utf8')}`);
  }
  return r.output;
}

export interface ExpectedAlert {
  readonly labels: { [key: string]: string };
  /** The alert's value, used to render `{{ $value }}` in the expected annotations. */
  readonly value?: number;
}

export interface AlertCase {
  readonly alertname: string;
  /** `series` → `values` (promtool expanding notation). */
  readonly series: { [series: string]: string };
  readonly evalTime?: string;
  /** Expected alerts; empty means the alert must stay quiet. */
  readonly expected: ExpectedAlert[];
}

/**
 * The annotations promtool will produce for an alert of `rule` with the given
 * labels and value (templates use only `$labels.<name>` and `$value`).
 */
export function renderAnnotations(rule: any, labels: { [key: string]: string }, value?: number): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [k, tpl] of Object.entries<string>(rule.annotations ?? {})) {
    out[k] = tpl.replace(/\{\{ \$labels\.([a-zA-Z_]+) \}\}/g, (_m, l) => labels[l] ?? '')
      .replace(/\{\{ \$value \}\}/g, () => {
        if (value === undefined) {
          throw new Error(`annotation ${k} of ${rule.alert} uses $value; give the expected value`);
        }
        return String(value);
      });
    if (/\{\{/.test(out[k])) {
      throw new Error(`annotation ${k} of ${rule.alert} uses a template the test renderer does not know: ${tpl}`);
    }
  }
  return out;
}

/** Runs `promtool test rules` with one test per case; throws with promtool's output on failure. */
export function testRules(groups: any[], cases: AlertCase[]): string {
  const dir = writeRules(groups);
  const rules = groups.flatMap((g) => g.rules);
  const tests = cases.map((c) => {
    const rule = rules.find((r: any) => r.alert === c.alertname);
    if (!rule && c.expected.length > 0) {
      throw new Error(`no rule ${c.alertname}`);
    }
    return {
      interval: '1m',
      input_series: Object.entries(c.series).map(([series, values]) => ({ series, values })),
      alert_rule_test: [{
        eval_time: c.evalTime ?? '20m',
        alertname: c.alertname,
        exp_alerts: c.expected.map((e) => {
          // several rules can share an alert name (per-group thresholds): pick the one whose annotations fit
          const candidates = rules.filter((r: any) => r.alert === c.alertname);
          const labels = { ...e.labels };
          const r = candidates.length === 1 ? candidates[0] : candidates.find((x: any) => x.expr.includes(`consumergroup="${labels.consumergroup}"`))
            ?? candidates.find((x: any) => !x.expr.includes('consumergroup="'));
          return { exp_labels: labels, exp_annotations: renderAnnotations(r, labels, e.value) };
        }),
      }],
    };
  });
  fs.writeFileSync(path.join(dir, 'tests.yml'), YAML.stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests }));
  const r = run(['test', 'rules', 'tests.yml'], dir);
  if (r.status !== 0) {
    throw new Error(`promtool test rules failed:\n${r.output}\n--- tests.yml ---\n${fs.readFileSync(path.join(dir, 'tests.yml'), 'utf8')}`);
  }
  return r.output;
}
