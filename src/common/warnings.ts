import { IConstruct } from 'constructs';

/**
 * The metadata type under which the library records its warnings.
 */
export const WARNING_METADATA_TYPE = 'cdk8s-kafka:warning';

const printedRoots = new WeakSet<IConstruct>();
const watchedRoots = new WeakSet<IConstruct>();

/**
 * One place for every warning the library emits.
 *
 * cdk8s has no warnings channel of its own (its validations can only fail), so
 * warnings are stored as construct metadata of one type. They are printed to
 * stderr once per app, the first time the app validates (at synth), and tests
 * read them with `Warnings.collect()`.
 *
 * Set the environment variable `CDK8S_KAFKA_SILENCE_WARNINGS=1` to stop printing;
 * the warnings are still recorded.
 */
export class Warnings {
  /**
   * The warnings helper for a construct.
   */
  public static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  /**
   * Every warning recorded on `scope` and below, in tree order, each as
   * `[construct path] message`.
   */
  public static collect(scope: IConstruct): string[] {
    const out: string[] = [];
    for (const c of scope.node.findAll()) {
      for (const entry of c.node.metadata) {
        if (entry.type === WARNING_METADATA_TYPE) {
          out.push(`[${c.node.path}] ${entry.data}`);
        }
      }
    }
    return out;
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
        const all = root.node.findAll();
        const last = all[all.length - 1];
        if (!hookedLast.has(last)) {
          hookedLast.add(last);
          last.node.addValidation({ validate: () => { printOnce(root); return []; } });
        }
        return [];
      },
    });
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Record a warning. The same message on the same construct is recorded once.
   */
  public add(message: string): void {
    const node = this.scope.node;
    if (node.metadata.some((m) => m.type === WARNING_METADATA_TYPE && m.data === message)) {
      return;
    }
    node.addMetadata(WARNING_METADATA_TYPE, message);
    this.watchRoot();
  }

  /**
   * Make sure the app prints its warnings once per synth, after every construct's validation.
   */
  private watchRoot(): void {
    Warnings._watch(this.scope);
  }
}

const hookedLast = new WeakSet<IConstruct>();

/** Prints the app's warnings to stderr, once per app however often cdk8s validates it. */
function printOnce(root: IConstruct): void {
  if (printedRoots.has(root)) {
    return;
  }
  printedRoots.add(root);
  const warnings = Warnings.collect(root);
  if (warnings.length > 0 && !process.env.CDK8S_KAFKA_SILENCE_WARNINGS) {
    process.stderr.write(`cdk8s-kafka: ${warnings.length} warning(s):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
  }
}
