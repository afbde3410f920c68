// The public API of the policy checks: the Aspect, the project's rule set, and what it takes to
// write a rule of your own. Evaluation internals (object walkers, outcome helpers) are imported by
// path inside the package, never from here.
export { PolicyPack, applyPolicy, suppressPolicy } from "./policy-pack";
export type { PolicyPackProps } from "./policy-pack";
export { ProjectPolicy, applyProjectPolicy, PROJECT_EXCEPTIONS } from "./project-policy";
export { ALL_RULES } from "./all-rules";
export { resourceRule } from "./policy-rule";
export type { PolicyLevel, PolicyRule, PolicyRuleHeader, PolicySource, RuleOutcome, RuleScope, StackDocument, StackResource } from "./policy-rule";
export { kubernetesRule, containerRule, podRule } from "./kubernetes";
export type { KubeContext, KubeObject } from "./kubernetes";
export { evaluateStack, findings } from "./evaluate";
export type { PolicyResult, PolicySuppression } from "./evaluate";
