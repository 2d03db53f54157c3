/*
 * One rule, two cases: a setup that breaks the rule and a valid setup at its edge.
 *
 *   ruleCase('KAF-LIS-011', 'a listener port may not be 9404', {
 *     failing: () => clusterWithListenerPort(9404),
 *     edgeValid: () => clusterWithListenerPort(9405),
 *   });
 *
 * makes two tests: the failing setup reports a message that carries the rule ID
 * (an error or a warning), and the edge-valid one reports no message with that ID.
 * test/rules-catalogue.test.ts counts a ruleCase as both tests of the rule.
 */
import { IConstruct } from 'constructs';
import { Warnings } from '../src/common/warnings';

/** Every error and warning a construct tree reports, after running each validation once. */
export function ruleMessages(scope: IConstruct): string[] {
  const root = scope.node.root;
  const errors: string[] = [];
  for (const c of root.node.findAll()) {
    for (const e of c.node.validate()) {
      errors.push(`[${c.node.path}] ${e}`);
    }
  }
  return [...errors, ...Warnings.collect(root)];
}

/** The messages of a tree that carry one rule ID. */
export function messagesOf(scope: IConstruct, ruleId: string): string[] {
  const id = new RegExp(`(^|[\\s\\]])${ruleId}\\b`);
  return ruleMessages(scope).filter((m) => id.test(m));
}

/** The two cases of a rule: each returns any construct of the app it builds. */
export interface RuleCaseSetups {
  /** An app that breaks the rule. */
  readonly failing: () => IConstruct;
  /** A valid app as close to the rule's edge as the rule allows. */
  readonly edgeValid: () => IConstruct;
  /** A part of the message the failing case must report (e.g. the bad value). */
  readonly message?: string | RegExp;
}

/** A failing test and an edge-valid test of one rule. */
export function ruleCase(ruleId: string, what: string, setups: RuleCaseSetups): void {
  describe(`${ruleId}: ${what}`, () => {
    test('the failing setup reports the rule', () => {
      const found = messagesOf(setups.failing(), ruleId);
      expect(found.length).toBeGreaterThan(0);
      if (setups.message !== undefined) {
        const m = setups.message;
        expect(found.some((f) => (typeof m === 'string' ? f.includes(m) : m.test(f)))).toBe(true);
      }
    });
    test('the valid setup at the edge does not', () => {
      expect(messagesOf(setups.edgeValid(), ruleId)).toEqual([]);
    });
  });
}
