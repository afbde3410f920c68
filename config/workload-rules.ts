import { checkStorageAccountName } from "../constructs/core/azure-names";
import { checkImageReference } from "../constructs/core/image-reference";
import { Rule } from "../constructs/core/validation";
import { WorkloadConfig } from "./environment";

/** Every rule the workload stack's own settings must meet; the stack reports all failures together. */
export const workloadRules: ReadonlyArray<Rule<WorkloadConfig>> = [
  (w) => checkStorageAccountName("storageAccountName", w.storageAccountName),
  (w) => (w.functionApp.image?.source === "reference" ? checkImageReference("functionApp.image.reference", w.functionApp.image.reference) : undefined),
  (w) =>
    w.functionApp.image?.source === "acr-task" && !/^https:\/\/\S+$/.test(w.functionApp.image.contextPath)
      ? {
          property: "functionApp.image.contextPath",
          value: w.functionApp.image.contextPath,
          rule: "must be an https URL ACR can fetch the build context from (Git repository or tarball)",
          fix: 'use e.g. "https://github.com/org/repo.git#main:function-app"',
        }
      : undefined,
];
