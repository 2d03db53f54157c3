import { IConstruct } from 'constructs';

const ENABLED = new WeakSet<IConstruct>();

/** What Helm renders as a literal `{{`: a template action that prints a raw string. */
const ESCAPED_OPEN = '{{`{{`}}';

/**
 * Output that Helm's template engine reads: `cdk8s synth --format helm`, or
 * YAML copied into a chart's `templates/`.
 *
 * Helm renders every file as a Go template, so the `{{ $labels.x }}` and
 * `{{ $value }}` of alert annotations, the `{{pod}}` legends of dashboards
 * and the go-template of the Secret copy script would be evaluated (or fail)
 * at install time. Once enabled for a scope, every `{{` the library writes
 * under it is written as ``{{`{{`}}``, which Helm renders back to `{{`; the
 * text Prometheus, Grafana or the script finally see is unchanged. A `}}`
 * outside a template action is plain text to Helm and stays as it is.
 *
 * Plain `cdk8s synth` output (applied with kubectl or a GitOps tool that
 * does not template) must not be escaped: leave this off there.
 */
export class HelmSafeOutput {
  /**
   * Escapes every `{{` the library writes under `scope` (usually the `App`,
   * or one `Chart`). May be called at any time before synthesis.
   */
  public static enable(scope: IConstruct): void {
    ENABLED.add(scope);
  }

  /** Whether `scope` or one of its ancestors has Helm-safe output enabled. */
  public static isEnabled(scope: IConstruct): boolean {
    return scope.node.scopes.some((s) => ENABLED.has(s));
  }

  /**
   * `text` with every `{{` written so that Helm renders it as a literal `{{`
   * (e.g. for annotations of your own that use Prometheus templating).
   */
  public static escape(text: string): string {
    return text.split('{{').join(ESCAPED_OPEN);
  }

  /**
   * `text` as the library writes it under `scope`: escaped when Helm-safe
   * output is enabled there, as it is otherwise.
   * @internal
   */
  public static _text(scope: IConstruct, text: string): string {
    return HelmSafeOutput.isEnabled(scope) ? HelmSafeOutput.escape(text) : text;
  }

  private constructor() {}
}
