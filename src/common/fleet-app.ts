import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, DependencyGraph, Names, Yaml, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { topologyOf } from './topology';

/**
 * An `App` whose synthesis takes time linear in the size of the app, however
 * many charts it has. A drop-in replacement for `App`.
 *
 * `App.synth()` renders each chart through `Chart.toJson()`, and cdk8s 2.x
 * resolves dependencies and validates the WHOLE app again inside every
 * `Chart.toJson()`. An app with one chart per cluster (or per team, or per
 * environment) therefore costs charts x constructs: 32 charts of a few
 * thousand objects each take minutes instead of seconds.
 *
 * `FleetApp` resolves dependencies and validates once, then renders each
 * chart. It writes the same files with the same content as `App`, for every
 * `YamlOutputType`.
 *
 * `Chart.toJson()` (and `Testing.synth()`) on a single chart are unchanged.
 */
export class FleetApp extends App {
  private readonly recordMetadata: boolean;

  constructor(props: AppProps = {}) {
    super(props);
    this.recordMetadata = props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
  }

  /**
   * Synthesizes all manifests to the output directory, validating the app once.
   */
  public synth(): void {
    fs.mkdirSync(this.outdir, { recursive: true });
    const { charts, dependantCharts } = this.resolveAndValidate();
    const ext = this.outputFileExtension;
    const prefix = indexer(dependantCharts);

    switch (this.yamlOutputType) {
      case YamlOutputType.FILE_PER_APP: {
        const docs = charts.flatMap((c) => renderChart(c).map((o) => o.toJson()));
        if (charts.length > 0) {
          Yaml.save(path.join(this.outdir, `app${ext}`), docs);
        }
        break;
      }
      case YamlOutputType.FILE_PER_CHART:
        for (const chart of charts) {
          const name = prefix(Names.toDnsLabel(chart));
          Yaml.save(path.join(this.outdir, name + ext), renderChart(chart).map((o) => o.toJson()));
        }
        break;
      case YamlOutputType.FILE_PER_RESOURCE:
        for (const chart of charts) {
          for (const doc of renderChart(chart).map((o) => o.toJson())) {
            Yaml.save(path.join(this.outdir, resourceFileName(doc) + ext), [doc]);
          }
        }
        break;
      case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE:
        for (const chart of charts) {
          const dir = path.join(this.outdir, prefix(Names.toDnsLabel(chart)));
          fs.mkdirSync(dir, { recursive: true });
          for (const doc of renderChart(chart).map((o) => o.toJson())) {
            Yaml.save(path.join(dir, resourceFileName(doc) + ext), [doc]);
          }
        }
        break;
      default:
        break;
    }

    if (this.recordMetadata) {
      const resources: { [name: string]: { path: string } } = {};
      for (const obj of charts.flatMap(renderChart)) {
        resources[obj.name] = { path: obj.node.path };
      }
      fs.writeFileSync(path.join(this.outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
    }
  }

  /**
   * Synthesizes the app into one YAML string, validating the app once.
   */
  public synthYaml(): string {
    const { charts } = this.resolveAndValidate();
    return Yaml.stringify(...charts.flatMap((c) => renderChart(c).map((o) => o.toJson())));
  }

  /**
   * Turns construct dependencies into chart and ApiObject dependencies (as
   * cdk8s does before rendering), validates the app once, and returns the
   * charts in dependency order.
   */
  private resolveAndValidate(): { charts: Chart[]; dependantCharts: boolean } {
    const subtrees = new Map<IConstruct, IConstruct[]>();
    const subtree = (c: IConstruct): IConstruct[] => {
      let all = subtrees.get(c);
      if (!all) {
        all = c.node.findAll();
        subtrees.set(c, all);
      }
      return all;
    };
    const everything = subtree(this);
    const edges = () => {
      const out: Array<{ source: IConstruct; target: IConstruct }> = [];
      for (const source of everything) {
        for (const target of source.node.dependencies) out.push({ source, target });
      }
      return out;
    };
    let dependantCharts = false;

    // A chart depends on the charts nested in it.
    for (const parent of everything) {
      if (parent instanceof Chart) {
        for (const child of parent.node.children) {
          if (child instanceof Chart) {
            parent.node.addDependency(child);
            dependantCharts = true;
          }
        }
      }
    }
    // A construct depending on a construct of another chart makes its chart depend on that chart.
    const before = edges();
    for (const { source, target } of before) {
      const from = Chart.of(source);
      const to = Chart.of(target);
      if (from !== to) {
        from.node.addDependency(to);
        dependantCharts = true;
      }
    }
    // Every ApiObject under the source depends on every ApiObject under the target
    // (each only within its own closest chart). Only the two steps above add dependencies.
    for (const { source, target } of dependantCharts ? edges() : before) {
      const objectsOf = (c: IConstruct) => {
        const chart = Chart.of(c);
        return subtree(c).filter((x) => x instanceof ApiObject && Chart.of(x) === chart);
      };
      const targets = objectsOf(target);
      for (const s of objectsOf(source)) {
        for (const t of targets) {
          if (s !== t) {
            s.node.addDependency(t);
          }
        }
      }
    }

    const errors: string[] = [];
    for (const c of everything) {
      for (const e of c.node.validate()) {
        errors.push(`[${c.node.path}] ${e}`);
      }
    }
    if (errors.length > 0) {
      throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
    }
    // `this.charts` in the order cdk8s gives, without its dependency graph of every construct.
    const order = topologyOf(this.node.findAll());
    const charts = order ? order.filter((x): x is Chart => x instanceof Chart) : this.charts;
    return { charts, dependantCharts };
  }
}

/** The ApiObjects of a chart in dependency order, without those of nested charts. */
function renderChart(chart: Chart): ApiObject[] {
  return (topologyOf(chart.node.findAll()) ?? new DependencyGraph(chart.node).topology())
    .filter((x): x is ApiObject => x instanceof ApiObject && Chart.of(x) === chart);
}

function resourceFileName(doc: any): string {
  return `${doc.kind}.${doc.metadata.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
}

/** Names chart files `0000-name`, `0001-name`, ... when charts depend on each other. */
function indexer(enabled: boolean): (name: string) => string {
  let i = 0;
  return (name) => (enabled ? `${String(i++).padStart(4, '0')}-${name}` : name);
}
