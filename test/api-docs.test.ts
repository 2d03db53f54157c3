/*
 * The API reference (API.md, and the docs of every jsii language) shows the
 * first sentence of each doc comment as its summary, cut the way jsii cuts
 * it: at the first `.`, `!`, `?` or `;` followed by a space. A first
 * sentence with a `;` in it loses its second half in every summary table, so
 * no documented public API may have one.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT } from './util';
// jsii's own summary splitter (its package exports no subpaths, so by file)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { splitSummary } = require(path.join(REPO_ROOT, 'node_modules', 'jsii', 'lib', 'docs.js')) as {
  splitSummary: (doc: string) => [string | undefined, string | undefined];
};

interface DocComment {
  readonly where: string;
  readonly text: string;
  readonly tags: { [tag: string]: string };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === 'private' ? [] : sourceFiles(p);
    }
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The doc comments of the public, documented declarations and members of src/. */
function publicDocComments(): DocComment[] {
  const out: DocComment[] = [];
  for (const file of sourceFiles(path.join(REPO_ROOT, 'src'))) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, exported: boolean) => {
      const docs = (node as any).jsDoc as ts.JSDoc[] | undefined;
      const name = (node as any).name?.getText?.(sf) as string | undefined;
      const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : [];
      const isPrivate = modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword) || name?.startsWith('_') || name?.startsWith('#');
      const isTopLevel = node.parent === sf;
      const isExported = isTopLevel ? modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) : exported;
      if (docs && docs.length > 0 && !isPrivate && isExported) {
        const doc = docs[docs.length - 1];
        const tags: { [tag: string]: string } = {};
        for (const t of doc.tags ?? []) {
          tags[t.tagName.text] = ts.getTextOfJSDocComment(t.comment) ?? '';
        }
        const text = ts.getTextOfJSDocComment(doc.comment) ?? '';
        if (!('internal' in tags) && text.trim() !== '') {
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          out.push({ where: `${path.relative(REPO_ROOT, file)}:${line} ${name ?? ''}`.trim(), text, tags });
        }
      }
      if (!isPrivate) {
        ts.forEachChild(node, (child) => visit(child, isExported));
      }
    };
    ts.forEachChild(sf, (child) => visit(child, false));
  }
  return out;
}

const comments = publicDocComments();

describe('API documentation', () => {
  test('the public API is documented (the scan finds it)', () => {
    expect(comments.length).toBeGreaterThan(300);
    expect(comments.map((c) => c.where)).toEqual(expect.arrayContaining([expect.stringMatching(/kafka-client\.ts:\d+ configureContainer$/)]));
  });

  test('no summary is cut at a ";"', () => {
    const cut = comments
      .map((c) => ({ where: c.where, summary: splitSummary(c.text)[0] ?? '' }))
      .filter((c) => c.summary.endsWith(';'))
      .map((c) => `${c.where}: ${c.summary}`);
    expect(cut).toEqual([]);
  });

  test('the Kafka Exporter default says what each construct does', () => {
    const kafkaExporter = comments.filter((c) => / kafkaExporter$/.test(c.where) && c.tags.default !== undefined);
    expect(kafkaExporter.length).toBeGreaterThan(0);
    for (const c of kafkaExporter) {
      // KafkaMetrics runs none by default; PrometheusMonitoring (which extends its props) runs it unless enableKafkaExporter is false
      expect(c.tags.default).toMatch(/PrometheusMonitoring/);
      expect(c.tags.default).toMatch(/enableKafkaExporter/);
    }
  });
});
