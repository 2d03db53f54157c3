/*
 * Reads the real metric names from ../shared/reference/kafka-metric-names.md
 * (REFERENCE_DIR overrides the folder) and simulates the JMX exporter on the
 * MBeans listed there, so tests check queried names against what Kafka and
 * the exporters really produce, not against names the library defines.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../util';

export const REFERENCE_DIR = process.env.REFERENCE_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'reference');

export function referenceText(): string {
  return fs.readFileSync(path.join(REFERENCE_DIR, 'kafka-metric-names.md'), 'utf8');
}

function section(text: string, heading: RegExp): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) {
    throw new Error(`section ${heading} not found in kafka-metric-names.md`);
  }
  const level = lines[start].match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

function tableRows(sectionText: string): string[][] {
  return sectionText.split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))
    .slice(1) // header
    .map((l) => l.replace(/\\\|/g, '\u0000').split('|').slice(1, -1).map((c) => c.trim().replace(/\u0000/g, '|')));
}

function ticks(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/** Expands `...suffix` abbreviations of metric names against the previous full name in the same cell. */
function expandNames(tokens: string[], previous?: string): string[] {
  const out: string[] = [];
  let last = previous;
  for (const t of tokens) {
    for (const alt of braceExpand(t)) {
      if (!/^(\.\.\.)?_?[a-z][a-z0-9_]*$/.test(alt)) {
        continue;
      }
      if (alt.startsWith('...') || alt.startsWith('_')) {
        const suffix = alt.replace(/^(\.\.\.)?_?/, '');
        if (!last) {
          continue;
        }
        // `..._x` / `_x` abbreviate a sibling of the previous full name: every prefix of it
        // (at "_" boundaries, up to the whole name) joined with the suffix is a candidate
        const parts = last.split('_');
        for (let i = 1; i <= parts.length; i++) {
          out.push(`${parts.slice(0, i).join('_')}_${suffix}`);
        }
      } else {
        out.push(alt);
        last = alt;
      }
    }
  }
  return out;
}

function braceExpand(s: string): string[] {
  const m = s.match(/\{([^{}]*)\}/);
  if (!m) {
    return [s];
  }
  return m[1].split(',').flatMap((alt) => braceExpand(s.replace(m[0], alt)));
}

export interface ReferenceMBean {
  /** The string the JMX exporter matches rules against: `domain<k=v, ...><>attr: value`. */
  readonly jmxString: string;
  readonly row: string;
}

const METER_ATTRS = ['Count', 'MeanRate', 'OneMinuteRate', 'FiveMinuteRate', 'FifteenMinuteRate'];
const HISTOGRAM_ATTRS = ['Count', 'Min', 'Max', 'Mean', 'StdDev', '50thPercentile', '75thPercentile', '95thPercentile', '98thPercentile', '99thPercentile', '999thPercentile'];
const SAMPLE_VALUES: { [key: string]: string } = { topic: 'orders', partition: '0', request: 'Produce', version: '9', listener: 'PLAIN', networkProcessor: '0' };

/** The MBeans (with each of their attributes) of table 1.1. */
export function referenceMBeans(text = referenceText()): ReferenceMBean[] {
  const rows = tableRows(section(text, /^### 1\.1 /));
  const out: ReferenceMBean[] = [];
  let lastBean: string | undefined;
  for (const row of rows) {
    const [meaning, cell] = row;
    const tokens = ticks(cell);
    const attrsMatch = cell.match(/ attrs? /);
    const attrsAt = attrsMatch ? attrsMatch.index! : -1;
    const beans: string[] = [];
    const attrs: string[] = [];
    const bare = cell.match(/^([a-z-]+-metrics) /);
    if (bare) {
      beans.push(`kafka.server:type=${bare[1]}`);
    }
    for (const t of tokens) {
      const isAttr = (attrsAt >= 0 && cell.indexOf(`\`${t}\``) > attrsAt) || (bare !== null);
      if (isAttr) {
        attrs.push(t);
      } else if (t.startsWith('...')) {
        const prefix = lastBean!.slice(0, lastBean!.indexOf('=') + 1);
        beans.push(prefix + t.slice(3));
        lastBean = beans[beans.length - 1];
      } else if (t.includes(':')) {
        beans.push(t);
        lastBean = t;
      } else if (/^[A-Za-z]+$/.test(t) && lastBean) {
        beans.push(lastBean.replace(/name=[^,]*/, `name=${t}`));
      }
    }
    for (const bean of beans.flatMap(expandBean)) {
      const [domain, props] = bean.split(':');
      const name = props.match(/name=([^,]*)/)?.[1] ?? '';
      const propString = props.split(',').map((kv) => {
        const [k, v] = kv.split('=');
        return `${k}=${v === '' || /^<.*>$/.test(v) ? SAMPLE_VALUES[k] ?? 'x' : v}`;
      }).join(', ');
      let beanAttrs: { attr: string; value: string }[];
      if (attrs.length > 0) {
        beanAttrs = attrs.map((a) => ({ attr: a, value: a === 'current-state' ? 'leader' : '1.0' }));
      } else if (name.endsWith('PerSec') || /\(meter\)/.test(cell)) {
        beanAttrs = METER_ATTRS.map((a) => ({ attr: a, value: '1.0' }));
      } else if (name.endsWith('TimeMs')) {
        beanAttrs = [...HISTOGRAM_ATTRS, ...METER_ATTRS.slice(1)].map((a) => ({ attr: a, value: '1.0' }));
      } else {
        beanAttrs = [{ attr: 'Value', value: '1.0' }];
      }
      for (const { attr, value } of beanAttrs) {
        out.push({ jmxString: `${domain}<${propString}><>${attr}: ${value}`, row: meaning });
      }
    }
  }
  return out;
}

/** Expands brace alternatives, `a|b` name alternatives and `[,k=]` optional keys of one MBean template. */
function expandBean(bean: string): string[] {
  const optional = bean.match(/\[([^\]]*)\]/);
  if (optional) {
    return [...expandBean(bean.replace(optional[0], '')), ...expandBean(bean.replace(optional[0], optional[1]))];
  }
  return braceExpand(bean).flatMap((b) => {
    const m = b.match(/name=([^,]*\|[^,]*)/);
    return m ? m[1].split('|').map((alt) => b.replace(m[0], `name=${alt}`)) : [b];
  });
}

export interface ExporterRule {
  readonly pattern: string;
  readonly name: string;
  readonly type?: string;
  readonly labels?: { [key: string]: string };
  readonly value?: number | string;
}

export interface ExporterConfig {
  readonly lowercaseOutputName?: boolean;
  readonly lowercaseOutputLabelNames?: boolean;
  readonly rules: ExporterRule[];
}

/** One exported sample: its name as scraped and its labels. */
export interface ExportedSample {
  readonly name: string;
  readonly labels: { [key: string]: string };
}

/** The exporter's name sanitiser: runs of characters outside `[a-zA-Z0-9:_]` (and of `_`) become one `_`; a leading digit gets a `_` before it. */
function safeName(s: string): string {
  return (/^\d/.test(s) ? '_' : '') + s.replace(/[^a-zA-Z0-9:]+/g, '_');
}

/** `$n` references of a rule field, filled from the match (groups that did not take part give ""). */
function fillGroups(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\d+)/g, (_x, i) => m[Number(i)] ?? '');
}

/**
 * What the JMX exporter 1.x does with one MBean attribute under `rules`: the
 * first rule whose pattern matches names it; unmatched attributes and
 * non-numeric values without a rule `value` are dropped. Names and label
 * names are sanitised (and lower-cased when the config says so); a label
 * whose name or value is empty is left off; COUNTER names end in `_total`,
 * other names lose a trailing `_total`.
 */
export function exportSample(config: ExporterConfig, jmxString: string): ExportedSample | undefined {
  for (const rule of config.rules) {
    const m = new RegExp(`^.*(?:${rule.pattern}).*$`).exec(jmxString);
    if (!m) {
      continue;
    }
    let name = safeName(fillGroups(rule.name, m));
    if (config.lowercaseOutputName) {
      name = name.toLowerCase();
    }
    name = name.replace(/_total$/, '');
    const labels: { [key: string]: string } = {};
    for (const [k, v] of Object.entries(rule.labels ?? {})) {
      let labelName = safeName(fillGroups(k, m));
      if (config.lowercaseOutputLabelNames) {
        labelName = labelName.toLowerCase();
      }
      const value = fillGroups(v, m);
      if (labelName !== '' && value !== '') {
        labels[labelName] = value;
      }
    }
    // a string written without `: value` stands for a numeric attribute
    const at = jmxString.lastIndexOf(': ');
    const raw = at < 0 ? '1' : jmxString.slice(at + 2);
    if (rule.value === undefined && Number.isNaN(Number(raw)) && raw !== 'true' && raw !== 'false') {
      return undefined;
    }
    return { name: rule.type === 'COUNTER' ? `${name}_total` : name, labels };
  }
  return undefined;
}

/** The name {@link exportSample} gives an MBean attribute. */
export function applyExporterRules(config: ExporterConfig, jmxString: string): string | undefined {
  return exportSample(config, jmxString)?.name;
}

export interface ReferenceNames {
  /** Names in the "JMX name" column of table 1.1 (abbreviations expanded to every candidate). */
  readonly jmx: Set<string>;
  /** Names in the "Reporter name" column ("same" = the JMX names of the row). */
  readonly reporter: Set<string>;
  /** JVM/process names of the JMX exporter agent (section 1.2). */
  readonly jvm: Set<string>;
  /** Kafka Exporter names (section 3). */
  readonly kafkaExporter: Set<string>;
  /** Operator, kubelet and cAdvisor names (section 4). */
  readonly platform: Set<string>;
}

export function referenceNames(text = referenceText()): ReferenceNames {
  const jmx = new Set<string>();
  const reporter = new Set<string>();
  for (const row of tableRows(section(text, /^### 1\.1 /))) {
    // placeholders: `<lowercased name>` stands for each MBean name of the row, `<attr>` for each attribute
    const beanNames = [...row[1].matchAll(/name=([A-Za-z|]+)/g)].flatMap((m) => m[1].split('|')).map((n) => n.toLowerCase());
    const attrs = ticks(row[1]).filter((t) => /^[a-z]+(-[a-z]+)+$/.test(t)).map((a) => a.replace(/-/g, '_'));
    const fill = (tokens: string[]) => tokens.flatMap((t) => {
      if (t.includes('<lowercased name>')) {
        return beanNames.map((n) => t.replace('<lowercased name>', n));
      }
      if (t.includes('<attr>')) {
        return attrs.map((a) => t.replace('<attr>', a));
      }
      return [t];
    });
    const jmxNames = expandNames(fill(ticks(row[2])));
    jmxNames.forEach((n) => jmx.add(n));
    // the reporter column abbreviates against the row's JMX names
    const rep = row[3].trim().startsWith('same') ? jmxNames : expandNames(fill(ticks(row[3])), jmxNames[0]);
    rep.forEach((n) => reporter.add(n));
  }
  // section 1.2 up to the sentence listing the old 0.x names that no longer exist
  const jvmText = section(text, /^### 1\.2 /).split(/Old 0\.x names/)[0];
  const jvm = new Set(expandNames(ticks(jvmText)).filter((n) => /^(jvm|process|jmx)_/.test(n)));
  // `_committed` style suffixes in 1.2 name siblings of the previous full name
  const kafkaExporter = new Set(tableRows(section(text, /^## 3\. /)).flatMap((r) => expandNames(ticks(r[0]))));
  const platform = new Set(tableRows(section(text, /^## 4\. /)).flatMap((r) => expandNames(ticks(r[0]))));
  return { jmx, reporter, jvm, kafkaExporter, platform };
}

/** The metric names a PromQL expression reads. */
export function metricsIn(expr: string): string[] {
  let s = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  s = s.replace(/\{[^}]*\}/g, ' ');
  s = s.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  s = s.replace(/\[[^\]]*\]/g, ' ');
  s = s.replace(/(^|[^a-zA-Z_:])\d+(\.\d+)?(e[+-]?\d+)?/gi, '$1 ');
  const keywords = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
  const out: string[] = [];
  for (const m of s.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\()(?![a-zA-Z0-9_:])/g)) {
    if (!keywords.has(m[0])) {
      out.push(m[0]);
    }
  }
  return out;
}

/** The string the JMX exporter matches rules against, for an ObjectName (`domain:k=v,k2=v2`) and one attribute. */
export function jmxStringOf(objectName: string, attribute: string, value: string): string {
  const i = objectName.indexOf(':');
  return `${objectName.slice(0, i)}<${objectName.slice(i + 1).split(',').join(', ')}><>${attribute}: ${value}`;
}
