import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import { FleetApp } from '../src';

/** A chart with a few objects, one depending on another, and a validation that counts its runs. */
class TeamChart extends Chart {
  public validations = 0;
  constructor(scope: Construct, id: string, dependsOn?: Chart) {
    super(scope, id, { namespace: id });
    const config = new ApiObject(this, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { team: id } } as any);
    const secret = new ApiObject(this, 'secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' } });
    config.node.addDependency(secret);
    if (dependsOn) {
      this.node.addDependency(dependsOn);
    }
    this.node.addValidation({ validate: () => { this.validations++; return []; } });
  }
}

function build<T extends App>(app: T): TeamChart[] {
  const a = new TeamChart(app, 'alpha');
  const b = new TeamChart(app, 'beta', a);
  const c = new TeamChart(app, 'gamma');
  return [a, b, c];
}

function filesOf(dir: string): { [file: string]: string } {
  const out: { [file: string]: string } = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf-8');
    }
  };
  walk(dir);
  return out;
}

describe('FleetApp', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-app-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each([
    YamlOutputType.FILE_PER_CHART,
    YamlOutputType.FILE_PER_APP,
    YamlOutputType.FILE_PER_RESOURCE,
    YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE,
  ])('writes exactly the files App writes (%s)', (yamlOutputType) => {
    // GIVEN the same charts in an App and in a FleetApp
    const plainDir = path.join(tmp, `app-${yamlOutputType}`);
    const fleetDir = path.join(tmp, `fleet-${yamlOutputType}`);
    const plain = new App({ outdir: plainDir, yamlOutputType });
    build(plain);
    const fleet = new FleetApp({ outdir: fleetDir, yamlOutputType });
    build(fleet);
    // WHEN both synthesize
    plain.synth();
    fleet.synth();
    // THEN the files are byte-identical
    const expected = filesOf(plainDir);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(filesOf(fleetDir)).toEqual(expected);
  });

  test('synthYaml matches App.synthYaml', () => {
    const plain = new App({ outdir: path.join(tmp, 'yaml-a') });
    build(plain);
    const fleet = new FleetApp({ outdir: path.join(tmp, 'yaml-b') });
    build(fleet);
    expect(fleet.synthYaml()).toEqual(plain.synthYaml());
  });

  test('validates the app once, not once per chart', () => {
    const plain = new App({ outdir: path.join(tmp, 'count-a') });
    const plainCharts = build(plain);
    plain.synth();
    const fleet = new FleetApp({ outdir: path.join(tmp, 'count-b') });
    const fleetCharts = build(fleet);
    fleet.synth();
    // App validates once up front and again inside every chart's toJson()
    expect(plainCharts[0].validations).toBe(1 + plainCharts.length);
    expect(fleetCharts.map((c) => c.validations)).toEqual([1, 1, 1]);
  });

  test('reports validation errors of every chart together', () => {
    const fleet = new FleetApp({ outdir: path.join(tmp, 'errors') });
    const [a, , c] = build(fleet);
    a.node.addValidation({ validate: () => ['first problem'] });
    c.node.addValidation({ validate: () => ['second problem'] });
    expect(() => fleet.synth()).toThrow(/Validation failed with the following errors:\n {2}\[alpha\] first problem\n {2}\[gamma\] second problem/);
  });
});
