import * as fs from 'fs';
import { IConstruct } from 'constructs';

/**
 * The metadata type under which the library records its warnings.
 */
export const WARNING_METADATA_TYPE = 'cdk8s-kafka:warning';

/**
 * The metadata type under which acknowledgements of warnings are recorded.
 */
export const ACKNOWLEDGEMENT_METADATA_TYPE = 'cdk8s-kafka:acknowledgement';

/** A rule ID as docs/rules.md lists them, e.g. `KAF-LIS-003`. */
const RULE_ID = /^KAF-[A-Z0-9]+-\d{3}$/;
const LEADING_RULE_ID = /^(KAF-[A-Z0-9]+-\d{3}) /;

const printedRoots = new WeakSet<IConstruct>();
const watchedRoots = new WeakSet<IConstruct>();
const hookedLast = new WeakSet<IConstruct>();

/**
 * A warning that was acknowledged, with the reason given.
 */
export interface AcknowledgedWarning {
  /** `[construct path] message` of the warning. */
  readonly warning: string;
  /** The rule ID. */
  readonly ruleId: string;
  /** Why it was acknowledged. */
  readonly reason: string;
  /** The path of the construct the acknowledgement was made on (empty for the app). */
  readonly acknowledgedAt: string;
}

interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * One place for every warning the library emits.
 *
 * cdk8s has no warnings channel of its own (its validations can only fail), so
 * warnings are stored as construct metadata of one type. They are printed to
 * stderr once per synth, after every construct's validation, and tests read them
 * with `Warnings.collect()`.
 *
 * A warning with a rule ID (docs/rules.md) can be acknowledged with a reason, on
 * a construct (it and everything below it) or on the app: it is then listed as
 * acknowledged in the report instead of as a warning. Errors cannot be
 * acknowledged; only the explicit opt-ins the props offer change them.
 *
 * Set the environment variable `CDK8S_KAFKA_SILENCE_WARNINGS=1` to stop printing
 * (the warnings are still recorded), and `CDK8S_KAFKA_WARNINGS_FILE=<path>` to also
 * write the report as JSON. Neither ever reaches a manifest.
 */
export class Warnings {
  /**
   * The warnings helper for a construct.
   */
  public static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  /**
   * Every warning recorded on `scope` and below that is not acknowledged, in tree
   * order, each as `[construct path] message` (the message starts with its rule ID
   * when it has one).
   */
  public static collect(scope: IConstruct): string[] {
    return unacknowledgedOf(Warnings.entries(scope));
  }

  /**
   * Every acknowledged warning on `scope` and below, with the reason it was acknowledged.
   */
  public static acknowledged(scope: IConstruct): AcknowledgedWarning[] {
    return acknowledgedOf(Warnings.entries(scope));
  }

  /**
   * Acknowledge the warnings of one rule on `scope` and everything below it (pass the
   * app to acknowledge them everywhere), with the reason: as cdk-nag's suppressions.
   *
   * An ID that is not a warning rule's ID, an empty reason, or an acknowledgement that
   * matches no warning is reported (the first two as errors, the last as a warning).
   *
   * @param ruleId e.g. `KAF-TOP-004`
   * @param reason why the warning does not apply here; printed in the synth report
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA_TYPE, { ruleId, reason });
    Warnings._watch(scope);
    scope.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        if (!RULE_ID.test(ruleId)) {
          errors.push(`KAF-APP-008 acknowledgement of "${ruleId}": not a rule ID (KAF-<AREA>-<NNN>, see docs/rules.md); use the ID printed before the warning`);
        }
        if (reason.trim() === '') {
          errors.push(`KAF-APP-009 acknowledgement of ${ruleId}: the reason is empty; say why the warning does not apply`);
        }
        return errors;
      },
    });
  }

  /**
   * Registers the printer on the app of `scope` (called by every construct that has rules,
   * at construction, so warnings raised during validation are printed too).
   * @internal
   */
  public static _watch(scope: IConstruct): void {
    const root = scope.node.root;
    if (watchedRoots.has(root)) {
      return;
    }
    watchedRoots.add(root);
    // cdk8s validates in pre-order, the root first. From the root's validation, hook the
    // printer onto the construct validated last, so it runs after every other validation
    // (including the ones that raise warnings) and before cdk8s reports errors.
    root.node.addValidation({
      validate: () => {
        const last = lastInPreOrder(root);
        if (!hookedLast.has(last)) {
          hookedLast.add(last);
          last.node.addValidation({ validate: () => { reportOnce(root); return []; } });
        }
        return [];
      },
    });
  }

  /** Every warning below `scope` with the acknowledgement that covers it, if any. */
  private static entries(scope: IConstruct): WarningEntry[] {
    return scan(scope).warnings;
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Record a warning. The same message on the same construct is recorded once.
   * @param message what is wrong and what to do
   * @param ruleId the rule's ID (docs/rules.md); it leads the message and lets users acknowledge it
   */
  public add(message: string, ruleId?: string): void {
    const text = ruleId ? `${ruleId} ${message}` : message;
    const node = this.scope.node;
    if (node.metadata.some((m) => m.type === WARNING_METADATA_TYPE && m.data === text)) {
      return;
    }
    node.addMetadata(WARNING_METADATA_TYPE, text);
    Warnings._watch(this.scope);
  }
}

/** The nearest acknowledgement of `ruleId` on `c` or one of its ancestors. */
function acknowledgementOf(c: IConstruct, ruleId: string): { reason: string; at: string } | undefined {
  for (const s of c.node.scopes.slice().reverse()) {
    for (const m of s.node.metadata) {
      const ack = m.data as Acknowledgement;
      if (m.type === ACKNOWLEDGEMENT_METADATA_TYPE && ack.ruleId === ruleId) {
        return { reason: ack.reason, at: s.node.path };
      }
    }
  }
  return undefined;
}

/** A recorded warning, with the acknowledgement that covers it, if any. */
interface WarningEntry {
  readonly text: string;
  readonly ruleId?: string;
  readonly ack?: { reason: string; at: string };
}

/**
 * The warnings on `scope` and below, in tree order, and the acknowledgements made there:
 * one walk of the tree, reading each construct's metadata once.
 */
function scan(scope: IConstruct): { warnings: WarningEntry[]; acknowledgements: Array<{ path: string; ruleId: string }> } {
  const warnings: WarningEntry[] = [];
  const acknowledgements: Array<{ path: string; ruleId: string }> = [];
  for (const c of scope.node.findAll()) {
    const metadata = c.node.metadata;
    if (metadata.length === 0) continue;
    for (const entry of metadata) {
      if (entry.type === WARNING_METADATA_TYPE) {
        const message = String(entry.data);
        const ruleId = LEADING_RULE_ID.exec(message)?.[1];
        warnings.push({ text: `[${c.node.path === '' ? 'app' : c.node.path}] ${message}`, ruleId, ack: ruleId ? acknowledgementOf(c, ruleId) : undefined });
      } else if (entry.type === ACKNOWLEDGEMENT_METADATA_TYPE) {
        acknowledgements.push({ path: c.node.path, ruleId: (entry.data as Acknowledgement).ruleId });
      }
    }
  }
  return { warnings, acknowledgements };
}

function unacknowledgedOf(entries: WarningEntry[]): string[] {
  return entries.filter((e) => e.ack === undefined).map((e) => e.text);
}

function acknowledgedOf(entries: WarningEntry[]): AcknowledgedWarning[] {
  return entries.filter((e) => e.ack !== undefined).map((e) => ({
    warning: e.text,
    ruleId: e.ruleId!,
    reason: e.ack!.reason,
    acknowledgedAt: e.ack!.at,
  }));
}

/** Acknowledgements that matched no warning (probably a typo or a fixed problem). */
function unusedAcknowledgements(scanned: ReturnType<typeof scan>, acknowledged: AcknowledgedWarning[]): string[] {
  const used = new Set(acknowledged.map((a) => `${a.acknowledgedAt}\u0000${a.ruleId}`));
  return scanned.acknowledgements
    .filter((a) => !used.has(`${a.path}\u0000${a.ruleId}`))
    .map((a) => `[${a.path === '' ? 'app' : a.path}] KAF-APP-010 acknowledgement of ${a.ruleId} matches no warning; remove it`);
}

/**
 * The construct `findAll()` lists last (pre-order): the last child of the last
 * child, and so on, found without walking the tree.
 */
function lastInPreOrder(root: IConstruct): IConstruct {
  let c = root;
  for (let children = c.node.children; children.length > 0; children = c.node.children) {
    c = children[children.length - 1];
  }
  return c;
}

/** Prints the app's report to stderr (and the JSON file), once per app however often cdk8s validates it. */
function reportOnce(root: IConstruct): void {
  if (printedRoots.has(root)) {
    return;
  }
  printedRoots.add(root);
  const scanned = scan(root);
  const acknowledged = acknowledgedOf(scanned.warnings);
  const warnings = [...unacknowledgedOf(scanned.warnings), ...unusedAcknowledgements(scanned, acknowledged)];
  if (!process.env.CDK8S_KAFKA_SILENCE_WARNINGS) {
    let out = '';
    if (warnings.length > 0) {
      out += `cdk8s-kafka: ${warnings.length} warning(s):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`;
    }
    if (acknowledged.length > 0) {
      out += `cdk8s-kafka: ${acknowledged.length} acknowledged warning(s):\n${acknowledged.map((a) => `  ${a.warning} (acknowledged at ${a.acknowledgedAt === '' ? 'the app' : `[${a.acknowledgedAt}]`}: ${a.reason})`).join('\n')}\n`;
    }
    if (out !== '') {
      process.stderr.write(out);
    }
  }
  const file = process.env.CDK8S_KAFKA_WARNINGS_FILE;
  if (file) {
    fs.writeFileSync(file, JSON.stringify({ warnings, acknowledged }, undefined, 2) + '\n');
  }
}
