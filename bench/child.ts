/*
 * One measured synthesis, in a fresh process (bench/run.js starts one per run).
 *
 *   node child.js --variant library|baseline --scale N --layout chart-per-cluster|single-chart
 *                 --app app|fleet --out DIR [--keep] [--manifests FILE] [--dump FILE]
 *
 * Prints one JSON line: build and synth time, peak memory, document count.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { buildBaseline, ChartManifests } from './baseline';
import { buildFleet, Layout } from './fleet';
import { FleetApp } from '../src/common/fleet-app';

interface Args {
  variant: 'library' | 'baseline';
  scale: number;
  layout: Layout;
  app: 'app' | 'fleet';
  out: string;
  keep: boolean;
  manifests?: string;
  dump?: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    variant: (get('variant') ?? 'library') as Args['variant'],
    scale: Number(get('scale') ?? '1'),
    layout: (get('layout') ?? Layout.CHART_PER_CLUSTER) as Layout,
    app: (get('app') ?? 'app') as Args['app'],
    out: get('out') ?? '.bench-out/out',
    keep: argv.includes('--keep'),
    manifests: get('manifests'),
    dump: get('dump'),
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';

  // Input of the baseline: loaded before the clock starts.
  const input: ChartManifests[] | undefined = args.variant === 'baseline'
    ? JSON.parse(fs.readFileSync(args.manifests!, 'utf-8'))
    : undefined;
  const rssStart = process.memoryUsage().rss;

  const t0 = performance.now();
  const app = args.app === 'fleet' ? new FleetApp({ outdir: args.out }) : new App({ outdir: args.out });
  let report: any = {};
  if (args.variant === 'baseline') {
    buildBaseline(app, input!);
  } else {
    const r = buildFleet(app, args.scale, args.layout);
    report = { families: r.families };
  }
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();

  const mem = process.memoryUsage();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const documents = app.node.findAll().filter((c) => c instanceof ApiObject).length;
  const charts = app.charts.length;

  if (args.dump) {
    fs.writeFileSync(args.dump, JSON.stringify(dumpManifests(app)));
  }
  if (!args.keep) {
    fs.rmSync(args.out, { recursive: true, force: true });
  }

  process.stdout.write(JSON.stringify({
    variant: args.variant,
    scale: args.scale,
    layout: args.layout,
    app: args.app,
    buildMs: t1 - t0,
    synthMs: t2 - t1,
    totalMs: t2 - t0,
    maxRssMb: maxRss / 2 ** 20,
    rssStartMb: rssStart / 2 ** 20,
    heapUsedMb: mem.heapUsed / 2 ** 20,
    documents,
    charts,
    ...report,
  }) + '\n');
}

/**
 * The documents of each chart, after the synth above resolved the app's
 * dependencies (so no chart needs validating again).
 */
function dumpManifests(app: App): ChartManifests[] {
  return app.charts.map((chart) => ({
    id: chart.node.id,
    namespace: chart.namespace,
    docs: new DependencyGraph(chart.node).topology()
      .filter((x): x is ApiObject => x instanceof ApiObject && Chart.of(x) === chart)
      .map((o) => o.toJson()),
  }));
}

main();
