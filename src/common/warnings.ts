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
   * Print the app's warnings once, when the app first validates.
   */
  private watchRoot(): void {
    const root = this.scope.node.root;
    if (watchedRoots.has(root)) {
      return;
    }
    watchedRoots.add(root);
    root.node.addValidation({
      validate: () => {
        if (!printedRoots.has(root)) {
          printedRoots.add(root);
          const warnings = Warnings.collect(root);
          if (warnings.length > 0 && !process.env.CDK8S_KAFKA_SILENCE_WARNINGS) {
            process.stderr.write(`cdk8s-kafka: ${warnings.length} warning(s):\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
          }
        }
        return [];
      },
    });
  }
}
