/* Types of validator.js (plain CommonJS so the runner can use it without a compiler). */
export declare const REPO_ROOT: string;
export declare const HOW_TO_GET_CRDS: string;
export declare class MissingCrdsError extends Error {}
export declare function resolveCrdsDir(explicit?: string): string;
export interface CelRuleStatus {
  readonly kind: string;
  readonly path: string;
  readonly rule: string;
  readonly evaluations: number;
  readonly failures: number;
  readonly notEvaluated?: string;
}
export declare class ConformanceValidator {
  constructor(options?: { crdsDir?: string; tags?: Record<string, string> });
  readonly crdsDir: string;
  readonly crdCount: number;
  crdFor(apiVersion: string, kind: string): { project: string; tag: string; group: string; version: string; kind: string } | undefined;
  validate(doc: any): string[];
  celSummary(): { evaluated: CelRuleStatus[]; notEvaluated: CelRuleStatus[]; notReached: CelRuleStatus[] };
}
