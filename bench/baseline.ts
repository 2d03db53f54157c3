/*
 * The floor: the library's own synthesized manifests rebuilt as plain cdk8s
 * ApiObjects in the same chart layout. No validation, no wiring, no lazy
 * rendering: what cdk8s costs for these documents anyway.
 */
import { ApiObject, App, Chart } from 'cdk8s';

/** The documents of one chart, as the library synthesized them. */
export interface ChartManifests {
  /** The chart's construct id. */
  readonly id: string;
  /** The chart's namespace, if it had one. */
  readonly namespace?: string;
  /** The documents, in synthesis order. */
  readonly docs: any[];
}

/** Rebuilds the manifests as ApiObjects in `app`, one chart per entry. */
export function buildBaseline(app: App, charts: ChartManifests[]): void {
  for (const m of charts) {
    const chart = new Chart(app, m.id, { namespace: m.namespace });
    m.docs.forEach((doc, i) => {
      const { apiVersion, kind, metadata, ...rest } = doc;
      new ApiObject(chart, `o${i}`, { apiVersion, kind, metadata, ...rest });
    });
  }
}

