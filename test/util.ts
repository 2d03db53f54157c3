/*
 * Test kit shared by every test.
 *
 * synth() records every document it synthesizes under .conformance-out/ (or
 * $CONFORMANCE_OUT), so the conformance check that runs after jest validates
 * everything any test produced against the real CRD and Kubernetes schemas.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaCluster, Listener, NodeRole } from '../src';
import { Warnings } from '../src/common/warnings';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const CONFORMANCE_OUT = process.env.CONFORMANCE_OUT ?? path.join(REPO_ROOT, '.conformance-out');

let counter = 0;

function record(docs: any[]): void {
  const state = (globalThis as any).expect?.getState?.() ?? {};
  const testPath: string = state.testPath ? path.relative(REPO_ROOT, state.testPath) : 'unknown';
  const testName: string = state.currentTestName ?? 'unnamed';
  fs.mkdirSync(CONFORMANCE_OUT, { recursive: true });
  const base = `${testPath}--${testName}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 180);
  const file = path.join(CONFORMANCE_OUT, `${base}--${process.pid}-${counter++}.json`);
  fs.writeFileSync(file, JSON.stringify({ source: `${testPath} > ${testName}`, docs }, undefined, 1));
}

/** A fresh app and chart (namespace optional). */
export function newChart(namespace?: string): Chart {
  const app = Testing.app();
  return new Chart(app, 'test', { namespace });
}

/** Synthesizes a chart to its documents and records them for the conformance check. */
export function synth(chart: Chart): any[] {
  const docs = Testing.synth(chart);
  record(docs);
  return docs;
}

/** Synthesizes every chart of an app as YAML (what `cdk8s synth` writes), recording the documents. */
export function synthAppYaml(app: App): string {
  const yaml = app.synthYaml();
  for (const chart of app.charts) {
    record(chart.toJson());
  }
  return yaml;
}

/** Documents of one kind (and optionally one name). */
export function docsOf(docs: any[], kind: string, name?: string): any[] {
  return docs.filter((d) => d.kind === kind && (name === undefined || d.metadata?.name === name));
}

/** The one document of a kind (and name); fails if there is not exactly one. */
export function docOf(docs: any[], kind: string, name?: string): any {
  const found = docsOf(docs, kind, name);
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${kind}${name ? ` named ${name}` : ''}, found ${found.length}`);
  }
  return found[0];
}

/**
 * Synthesizes a chart that must fail validation; returns the error lines
 * (each `[construct path] message`). Fails if synthesis succeeds.
 */
export function validationErrors(chart: Chart): string[] {
  try {
    Testing.synth(chart);
  } catch (e: any) {
    const msg: string = e.message ?? String(e);
    if (!msg.startsWith('Validation failed with the following errors:')) {
      throw e;
    }
    return msg.split('\n').slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
  }
  throw new Error('expected validation errors, but synthesis succeeded');
}

/**
 * The library warnings recorded on a scope and below, after running every validation of
 * the app (warnings are raised during validation, so they do not depend on when a test asks).
 * The ephemeral-storage fallback warning of node pools without storage (KAF-APP-002) is left
 * out unless `includeStorageWarning` is set: most tests build storage-less pools on purpose,
 * and test/correctness covers that warning.
 */
export function warningsOf(scope: IConstruct, includeStorageWarning = false): string[] {
  for (const c of scope.node.root.node.findAll()) {
    c.node.validate();
  }
  return Warnings.collect(scope).filter((w) => includeStorageWarning || !w.includes('] KAF-APP-002 '));
}

/**
 * Synthesizes an example (its exported `build(app)`) in a test app and returns
 * the YAML `cdk8s synth` would write, recording the documents for conformance.
 */
export function synthExample(build: (app: App) => void): string {
  const app = Testing.app();
  build(app);
  return synthAppYaml(app);
}

/** A chart with a KafkaCluster `c` (namespace kafka, 3 controllers, `brokers` brokers, a TLS listener) and this broker config. */
export function clusterWithBrokerConfig(config: { [key: string]: any }, brokers = 3): Chart {
  const chart = newChart('kafka');
  const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], config });
  cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: brokers });
  return chart;
}
