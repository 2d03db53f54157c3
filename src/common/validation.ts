import { IConstruct } from 'constructs';
import { Warnings } from './warnings';

/**
 * One rule a construct checks at synth time.
 *
 * The message of a failed rule names what is wrong (`subject`), the bad value,
 * the rule, and the fix. cdk8s prefixes every message with the construct path.
 */
export interface RuleViolation {
  /** What the rule is about, e.g. `listener "external"`. */
  readonly subject: string;
  /** What is wrong, naming the bad value and the rule. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * The rule's stable ID (e.g. `KAF-BRG-001`), listed in docs/rules.md; it leads the message.
   * @default - no ID
   */
  readonly ruleId?: string;
}

/**
 * Formats a violation as one line, `<subject>: <problem>` and the fix after a semicolon.
 */
export function formatViolation(v: RuleViolation): string {
  return `${v.ruleId ? `${v.ruleId} ` : ''}${v.subject}: ${v.problem}; ${v.fix}`;
}

/**
 * Collects the violations of one validation pass, so that every mistake is
 * reported in one synth.
 */
export class ViolationCollector {
  private readonly messages: string[] = [];

  /** Record a violation, optionally under a rule ID (`KAF-XXX-000`) that leads the message. */
  public add(subject: string, problem: string, fix: string, ruleId?: string): void {
    this.messages.push(formatViolation({ subject, problem, fix, ruleId }));
  }

  /** Record a violation when `condition` is true. */
  public check(condition: boolean, subject: string, problem: string, fix: string, ruleId?: string): void {
    if (condition) {
      this.add(subject, problem, fix, ruleId);
    }
  }

  /** The messages recorded so far. */
  public get errors(): string[] {
    return [...this.messages];
  }
}

/**
 * Registers a validation on `scope` that runs `rules` at synth time and
 * reports all violations together.
 */
export function addRules(scope: IConstruct, rules: (c: ViolationCollector) => void): void {
  Warnings._watch(scope);
  scope.node.addValidation({
    validate: () => {
      const c = new ViolationCollector();
      rules(c);
      return c.errors;
    },
  });
}
