import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { topologyOf } from '../src/common/topology';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  // Park-Miller: exact in doubles, no bitwise operators.
  let s = (seed % 2147483646) + 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

const IDS = ['0', '1', '2', '10', '007', 'a', 'b', 'Resource', '4294967294', '4294967295', 'x1'];

/** An app of charts, nested charts, plain constructs and ApiObjects, with dependencies that form no cycle. */
function randomApp(seed: number): { app: App; all: IConstruct[] } {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const app = new App();
  const scopes: Construct[] = [app];
  const size = 5 + Math.floor(rnd() * 40);
  for (let i = 0; i < size; i++) {
    const parent = pick(scopes);
    const base = pick(IDS);
    const id = parent.node.tryFindChild(base) ? `${base}-${i}` : base;
    const kind = rnd();
    let c: Construct;
    if (parent === app || kind < 0.2) {
      c = new Chart(parent, id);
    } else if (kind < 0.5 && !(parent instanceof ApiObject)) {
      c = new Construct(parent, id);
    } else {
      c = new ApiObject(parent, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` } });
    }
    scopes.push(c);
  }
  const all = app.node.findAll();
  // Dependencies only from later to earlier constructs in a random permutation: no cycle.
  const rank = new Map(all.map((c) => [c, rnd()]));
  const edges = Math.floor(rnd() * all.length * 1.5);
  for (let e = 0; e < edges; e++) {
    const a = pick(all);
    const b = pick(all);
    if (a !== b && rank.get(a)! > rank.get(b)! && a !== app && b !== app) a.node.addDependency(b);
  }
  return { app, all };
}

describe('topologyOf', () => {
  test.each(Array.from({ length: 300 }, (_, i) => i))('gives the order of cdk8s DependencyGraph (seed %i)', (seed) => {
    const { app } = randomApp(seed);
    const graphs = [app, ...app.node.findAll().filter((c) => c instanceof Chart)];
    for (const g of graphs) {
      const expected = new DependencyGraph(g.node).topology().map((c) => c.node.path);
      expect(topologyOf(g.node.findAll())!.map((c) => c.node.path)).toEqual(expected);
    }
  });

  test('leaves a cycle to cdk8s (which reports it)', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const a = new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
    const b = new ApiObject(chart, 'b', { apiVersion: 'v1', kind: 'ConfigMap' });
    a.node.addDependency(b);
    b.node.addDependency(a);
    expect(topologyOf(chart.node.findAll())).toBeUndefined();
    expect(() => new DependencyGraph(chart.node).topology()).toThrow(/cycle/);
  });

  test('leaves a dependency on a construct of another app to cdk8s (it matches vertices by path)', () => {
    const app = new App();
    const other = new App();
    const chart = new Chart(app, 'c');
    const a = new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
    a.node.addDependency(new Chart(other, 'c'));
    expect(topologyOf(chart.node.findAll())).toBeUndefined();
  });

  test('a dependency outside the subtree but in the app is skipped, as cdk8s does', () => {
    const app = new App();
    const c1 = new Chart(app, 'c1');
    const c2 = new Chart(app, 'c2');
    const a = new ApiObject(c1, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
    const b = new ApiObject(c1, 'b', { apiVersion: 'v1', kind: 'ConfigMap' });
    a.node.addDependency(new ApiObject(c2, 'x', { apiVersion: 'v1', kind: 'ConfigMap' }));
    b.node.addDependency(a);
    expect(topologyOf(c1.node.findAll())!.map((c) => c.node.path)).toEqual(new DependencyGraph(c1.node).topology().map((c) => c.node.path));
  });
});
