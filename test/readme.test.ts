/*
 * The README's TypeScript snippets are part of the documentation users copy:
 * every one must type-check against the library and synthesize without
 * validation errors. Each snippet runs in its own app with a small prelude
 * (`app`, `chart`, and a `cluster` with a TLS/SCRAM listener `tls`, simple
 * authorization and a dual-role pool) for the names snippets take as given.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { synth, REPO_ROOT } from './util';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf-8');
const SNIPPETS = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

// every public name of the library, imported by the prelude
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LIBRARY_NAMES = Object.keys(require('../src')).sort();

const PRELUDE = `
import { ApiObject, App, Chart, Duration, JsonPatch, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Cpu } from 'cdk8s-plus-27';
import { ${LIBRARY_NAMES.join(', ')} } from '../src';
export function run(): Chart {
  const app = Testing.app();
  const chart = new Chart(app, 'readme', { namespace: 'kafka' });
  const cluster = new KafkaCluster(chart, 'prelude-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    authorization: KafkaAuthorization.simple(),
  });
  cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  void app; void Duration; void Size; void kplus; void Cpu; void ApiObject; void JsonPatch;
  {
`;
const POSTLUDE = `
  }
  return chart;
}
`;

function programFor(snippet: string): string {
  // the prelude imports everything; the snippet's own imports would clash
  const body = snippet.split('\n').filter((l) => !/^import\s/.test(l)).join('\n');
  return `${PRELUDE}${body}${POSTLUDE}`;
}

function typeErrors(file: string, source: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? source : readFile(f));
  host.fileExists = (f) => path.resolve(f) === file || fileExists(f);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${pos ? `line ${pos.line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

test('the README has TypeScript snippets', () => {
  expect(SNIPPETS.length).toBeGreaterThanOrEqual(5);
});

test('the top of the README has the commands for a fresh clone and, beside them, how a package user starts', () => {
  const top = README.slice(0, README.indexOf('<!-- section:'));
  // a fresh clone: install and synthesize every example; run every test
  expect(top).toMatch(/^npm ci && npm run examples\b/m);
  expect(top).toMatch(/^npm test\b/m);
  // a user of the package: install it into a cdk8s app, then a first chart (type-checked like every snippet)
  expect(top).toMatch(/^npm install cdk8s-kafka\b/m);
  const firstChart = [...top.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(firstChart).toHaveLength(1);
  expect(firstChart[0]).toMatch(/from 'cdk8s-kafka'/);
  expect(firstChart[0]).toMatch(/new App\(/);
  expect(firstChart[0]).toMatch(/app\.synth\(\)/);
  expect(SNIPPETS[0]).toBe(firstChart[0]);
});

describe.each(SNIPPETS.map((s, i) => [i + 1, s] as const))('README snippet %i', (_n, snippet) => {
  const file = path.join(REPO_ROOT, 'test', `.readme-snippet-${_n}.ts`);
  const source = programFor(snippet);

  test('type-checks against the library', () => {
    expect(typeErrors(file, source)).toEqual([]);
  });

  test('synthesizes without validation errors', () => {
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
    const js = ts.transpileModule(source, { compilerOptions }).outputText;
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-snippet-'));
    const previous = process.env.CDK8S_OUTDIR;
    process.env.CDK8S_OUTDIR = outdir; // a snippet's own app.synth() writes here
    try {
      const mod: any = { exports: {} };
      // resolve '../src' and packages as a file in test/ would
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const req = (id: string) => require(id.startsWith('.') ? path.join(__dirname, id) : id);
      new Function('require', 'module', 'exports', js)(req, mod, mod.exports);
      const docs = synth(mod.exports.run());
      expect(docs.filter((d) => d.kind === 'Kafka').length).toBeGreaterThanOrEqual(1);
    } finally {
      if (previous === undefined) delete process.env.CDK8S_OUTDIR; else process.env.CDK8S_OUTDIR = previous;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
