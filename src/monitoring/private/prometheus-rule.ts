/*
 * The PrometheusRule every alerts construct renders (library-internal): rule groups
 * produced at synth, expressions as the generated class wants them, patched fields
 * kept, and the app-wide duplicate-document rule.
 */
import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as prom from '../../../imports/monitoring.coreos.com';
import { keepPatchedFields } from '../../common/patch-passthrough';
import { registerUniqueDocuments } from '../../common/unique-documents';

/** A rendered alerting rule, in Prometheus rule-file form. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: { [key: string]: string };
  readonly annotations: { summary: string; description: string };
}

/** A rule group, in Prometheus rule-file form. */
export interface AlertRuleGroup {
  readonly name: string;
  readonly rules: AlertRule[];
}

/** Anything that produces rule groups at synth time. */
export interface RuleGroupSource {
  ruleGroups(): AlertRuleGroup[];
}

/** The `PrometheusRule` child `Resource` of `scope`, with the groups of `source` rendered at synth. */
export function prometheusRule(scope: Construct, metadata: ApiObjectMetadata, source: RuleGroupSource): ApiObject {
  registerUniqueDocuments(scope);
  const rule = new prom.PrometheusRule(scope, 'Resource', {
    metadata,
    spec: Lazy.any({
      produce: (): prom.PrometheusRuleSpec => ({
        groups: source.ruleGroups().map((g) => ({
          name: g.name,
          rules: g.rules.map((r) => ({ ...r, expr: prom.PrometheusRuleSpecGroupsRulesExpr.fromString(r.expr) })),
        })),
      }),
    }) as unknown as prom.PrometheusRuleSpec,
  });
  return keepPatchedFields(rule);
}
