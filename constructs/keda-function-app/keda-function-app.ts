import { Annotations, Fn, Lazy, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Manifest, ManifestConfig } from "@cdktf/provider-kubernetes/lib/manifest";
import { throwIfAny, ValidationError, Violation, violationsOf } from "../core/validation";
import { checkImageReference } from "../core/image-reference";
import { isToken } from "../core/tokens";
import { AppState, buildState, Claim, claimsOf, HOST_STORAGE_ROLES, invokeUrls } from "./app-state";
import { federatedCredentialName } from "./identity-names";
import { FunctionMetadata } from "./functions-manifest";
import { KedaTrigger } from "./keda-trigger";
import { KedaFunctionAppProps } from "./props";
import { KubernetesObject } from "./render/objects";
import { objectNames } from "./render/spec";
import { resolveProps, ResolvedProps } from "./resolve";
import { storageQueueNames } from "./storage-queues";
import { Grant, grantRules, kedaFunctionAppRules } from "./validation";
import { literalCredentialSetting } from "./settings-credentials";

/**
 * An Azure Functions app on Kubernetes, scaled by KEDA: everything `func kubernetes deploy`
 * creates (settings, function keys, `<name>-http` Deployment and Service, `<name>`
 * Deployment and ScaledObject), with workload identity instead of secrets, KEDA triggers
 * mapped from the app's real bindings and a production pod spec.
 *
 * The props are resolved and checked at construction; `addSetting`, `addFunction`,
 * `addTrigger` and the `grant*` methods change the app afterwards. The objects render from
 * the final state at synth, which is checked again then (construct path, property, value, fix).
 */
export class KedaFunctionApp extends Construct {
  /** The user-assigned identity the pods and KEDA authenticate as; none in connection-string mode. */
  readonly identity: UserAssignedIdentity | undefined;
  /** Image reference the pods run (tag and digest). */
  readonly imageReference: string;

  private readonly props: KedaFunctionAppProps;
  private readonly additions = { settings: {} as Record<string, string>, functions: [] as FunctionMetadata[], triggers: [] as KedaTrigger[] };
  private readonly grants: Grant[] = [];
  /** The `kubernetes_manifest` of each object, by construct id, in the order they were created. */
  private readonly manifestsById = new Map<string, Manifest>();
  private readonly warned = new Set<string>();
  /** Bumped by every change; the rendered state is cached per version. */
  private version = 0;
  private cached: { readonly version: number; readonly state: AppState } | undefined;

  constructor(scope: Construct, id: string, props: KedaFunctionAppProps) {
    super(scope, id);
    this.props = props;
    const resolved = resolveProps(props);
    throwIfAny(this, "KedaFunctionApp", propViolations(resolved));
    this.identity = resolved.connectionMode === "workload-identity" ? this.createIdentity(resolved) : undefined;
    // Maps the triggers first: a binding that cannot be mapped fails before the image is built.
    buildState(resolved, { path: this.node.path, image: "", clientId: this.identity?.clientId });
    this.imageReference = props.image.bind(this).reference;
    throwIfAny(this, "KedaFunctionApp", [checkImageReference("image", this.imageReference)].filter((v): v is Violation => v !== undefined));
    this.sync(true);
    this.refuseCollisions();
    this.node.addValidation({ validate: () => this.validateFinalState() });
  }

  /** The Kubernetes objects this app applies, in apply order (also what the YAML export prints). */
  get objects(): readonly KubernetesObject[] {
    return this.state().objects;
  }

  /** The Terraform resource of each object, in the same order. */
  get manifests(): readonly Manifest[] {
    return this.state().objects.map((object) => this.manifestsById.get(manifestId(object, this.props.name))!);
  }

  /**
   * The app settings the pods get from the construct: the derived settings plus `settings`
   * (not `existingSettings`, whose values are unknown at synth). `%Name%` references resolve against them.
   */
  get appSettings(): Readonly<Record<string, string>> {
    return this.state().appSettings;
  }

  /**
   * Address of the HTTP Service: the LoadBalancer's IP after apply, otherwise the
   * in-cluster DNS name. Undefined without HTTP functions.
   */
  get serviceAddress(): string | undefined {
    const state = this.state();
    if (state.httpFunctions.length === 0) return undefined;
    const { resolved } = state;
    const port = resolved.servicePort === 80 ? "" : `:${resolved.servicePort}`;
    if (resolved.serviceType === "LoadBalancer") {
      const service = this.manifests[state.objects.findIndex((o) => o.kind === "Service")];
      const ip = Fn.lookupNested(service.object, ["status", "loadBalancer", "ingress", 0, "ip"]);
      return `http://${ip}${port}`;
    }
    return `http://${objectNames(resolved.name).service}.${resolved.namespace}.svc.cluster.local${port}`;
  }

  /** Invoke URL of each HTTP function, by function name (add `?code=<key>` unless anonymous). */
  get invokeUrls(): Readonly<Record<string, string>> {
    const state = this.state();
    return invokeUrls(this.serviceAddress, state.httpFunctions, state.resolved.routePrefix);
  }

  /**
   * The queues of `AzureWebJobsStorage` the app's triggers listen on, with their poison queues,
   * `%Setting%` resolved against `appSettings`: create them with the storage account.
   */
  get storageQueues(): readonly string[] {
    const state = this.state();
    return storageQueueNames(state.resolved.functions, state.appSettings).queues;
  }

  /**
   * Adds (or replaces) a non-secret app setting, as if it had been in `settings`. The same
   * rules apply at synth: a valid key, no literal credential.
   */
  addSetting(name: string, value: string): void {
    this.additions.settings[name] = value;
    this.changed();
  }

  /**
   * Adds a function, as if it had been in `functions`: HTTP functions run in `<name>-http`,
   * the others in the worker, with their KEDA trigger, roles and connection checks.
   */
  addFunction(fn: FunctionMetadata): void {
    this.additions.functions.push(fn);
    this.changed();
  }

  /**
   * Adds a KEDA trigger to the worker ScaledObject, next to those mapped from the functions
   * (or given in `triggers`), e.g. `KedaTrigger.prometheus({...})`.
   */
  addTrigger(trigger: KedaTrigger): void {
    this.additions.triggers.push(trigger);
    this.changed();
  }

  /**
   * Grants the app identity an Azure role on `scope` (a resource id), e.g. a data role on a
   * store the functions use through an SDK. Needs workload identity.
   * @param id construct id of the role assignment (its Terraform address). @default `grant-<role>`
   * @returns the role assignment
   */
  grantRole(scope: string, roleDefinitionName: string, id?: string): RoleAssignment {
    if (this.identity === undefined) {
      throw new ValidationError(this.node.path, "KedaFunctionApp", [
        {
          property: "grantRole",
          value: roleDefinitionName,
          rule: 'needs the app identity, which only connectionMode "workload-identity" creates',
          fix: "use workload identity, or grant the role to the credential behind your connection strings",
        },
      ]);
    }
    this.grants.push({ property: `grantRole[${this.grants.length}]`, scope, role: roleDefinitionName });
    this.changed();
    return new RoleAssignment(this, id ?? uniqueId(this, `grant-${slug(roleDefinitionName)}`), {
      scope,
      roleDefinitionName,
      principalId: this.identity.principalId,
      principalType: "ServicePrincipal",
    });
  }

  /**
   * Grants the app identity what the Functions host needs on another storage account (blob
   * data owner, queue data contributor), e.g. for an identity-based storage connection
   * declared after construction.
   * @returns the role assignments
   */
  grantStorage(accountId: string): RoleAssignment[] {
    return HOST_STORAGE_ROLES.map((role) => this.grantRole(accountId, role));
  }

  /** The state from the props and everything added since; rendered once per change. */
  private state(): AppState {
    if (this.cached?.version === this.version) return this.cached.state;
    const resolved = resolveProps(this.props, this.additions);
    throwIfAny(this, "KedaFunctionApp", [...propViolations(resolved), ...violationsOf(this.grants, grantRules)]);
    const state = buildState(resolved, { path: this.node.path, image: this.imageReference, clientId: this.identity?.clientId });
    this.cached = { version: this.version, state };
    return state;
  }

  private changed(): void {
    this.version++;
    this.sync(false);
  }

  /**
   * Creates the resources of objects and trigger roles the app did not have yet, and warns once
   * per warning. Object content stays lazy: each manifest renders the final state at synth.
   * A state that breaks a rule is left for synth to report (`strict` throws at once instead).
   */
  private sync(strict: boolean): void {
    let state: AppState;
    try {
      state = this.state();
    } catch (error) {
      if (strict) throw error;
      return;
    }
    for (const warning of state.warnings) {
      if (this.warned.has(warning)) continue;
      this.warned.add(warning);
      Annotations.of(this).addWarning(warning);
    }
    const keysSecret = state.spec.functionKeys.secretName;
    const namespaceObject = state.objects.find((o) => o.kind === "Namespace");
    for (const object of state.objects) {
      const id = manifestId(object, this.props.name);
      if (this.manifestsById.has(id)) continue;
      // Every object waits for the namespace the construct creates (always the first object).
      const namespace = namespaceObject === undefined ? undefined : this.manifestsById.get(manifestId(namespaceObject, this.props.name));
      const dependsOn = [...state.resolved.dependsOn, ...(namespace !== undefined && object !== namespaceObject ? [namespace] : [])];
      const manifest = new Manifest(this, id, {
        manifest: Lazy.anyValue({ produce: () => this.renderedObject(id) }) as unknown as Record<string, unknown>,
        ...manifestOptions(object, keysSecret),
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      });
      this.manifestsById.set(id, manifest);
    }
    for (const { connection, role, scope } of state.triggerRoles) {
      const id = `connection-${slug(connection)}-${slug(role)}`;
      if (this.node.tryFindChild(id) !== undefined) continue;
      new RoleAssignment(this, id, { scope, roleDefinitionName: role, principalId: this.identity!.principalId, principalType: "ServicePrincipal" });
    }
  }

  /** The object a manifest holds, from the final state (which throws when it breaks a rule). */
  private renderedObject(id: string): KubernetesObject {
    const object = this.state().objects.find((o) => manifestId(o, this.props.name) === id);
    if (object === undefined) throw new Error(`KedaFunctionApp at "${this.node.path}": object ${id} is no longer rendered`);
    return object;
  }

  /** The synth-time check of everything added after construction, and of collisions with apps changed since. */
  private validateFinalState(): string[] {
    try {
      this.sync(true);
      this.refuseCollisions();
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  }

  private createIdentity(resolved: ResolvedProps): UserAssignedIdentity {
    // Validation guarantees both in workload-identity mode.
    const workloadIdentity = resolved.workloadIdentity!;
    const storage = resolved.storage!;
    const identity = new UserAssignedIdentity(this, "identity", {
      name: workloadIdentity.identityName,
      resourceGroupName: workloadIdentity.resourceGroupName,
      location: workloadIdentity.location,
      tags: resolved.tags,
    });
    const federate = (id: string, namespace: string, serviceAccount: string) =>
      new FederatedIdentityCredential(this, `federation-${id}`, {
        name: federatedCredentialName(id, namespace, serviceAccount),
        resourceGroupName: workloadIdentity.resourceGroupName,
        parentId: identity.id,
        issuer: workloadIdentity.oidcIssuerUrl,
        subject: `system:serviceaccount:${namespace}:${serviceAccount}`,
        audience: ["api://AzureADTokenExchange"],
      });
    federate("app", resolved.namespace, objectNames(resolved.name).serviceAccount);
    federate("keda", workloadIdentity.kedaOperatorServiceAccount.namespace, workloadIdentity.kedaOperatorServiceAccount.name);
    for (const role of HOST_STORAGE_ROLES) {
      new RoleAssignment(this, `storage-${slug(role)}`, {
        scope: storage.accountId,
        roleDefinitionName: role,
        principalId: identity.principalId,
        principalType: "ServicePrincipal",
      });
    }
    return identity;
  }

  /** What this app occupies, or nothing while its state breaks a rule (reported on its own). */
  private claims(): readonly Claim[] {
    try {
      return claimsOf(this.state(), this.identity !== undefined);
    } catch {
      return [];
    }
  }

  /**
   * Two apps of one stack must not render the same object (same kind, namespace and name),
   * share an Azure identity or a host id on one storage account: Terraform would apply
   * both and the last one would win, silently. Names that are tokens compare as written.
   */
  private refuseCollisions(): void {
    const mine = new Map(this.claims().map((c) => [c.what, c]));
    const violations: Violation[] = [];
    for (const other of TerraformStack.of(this).node.findAll()) {
      if (other === this || !(other instanceof KedaFunctionApp) || other.cached === undefined) continue;
      const shared = other.claims().filter((c) => mine.has(c.what)).map((c) => mine.get(c.what)!);
      if (shared.length === 0) continue;
      const listed = shared.slice(0, 3).map((c) => c.what).join(", ") + (shared.length > 3 ? ` and ${shared.length - 3} more` : "");
      violations.push({
        property: shared[0].property,
        value: shared[0].value,
        rule: `collides with the KedaFunctionApp at "${other.node.path}": both would use ${listed}`,
        fix:
          shared[0].property === "name"
            ? "give one of the apps another name or namespace"
            : `give one of the apps another ${shared[0].property} (or leave it unset to derive one from name and namespace)`,
      });
    }
    throwIfAny(this, "KedaFunctionApp", violations);
  }
}

/** The rules of the resolved props, plus the two that are not rules of a single value. */
function propViolations(resolved: ResolvedProps): Violation[] {
  return [...literalName(resolved.name), ...violationsOf(resolved, [...kedaFunctionAppRules, (p) => literalCredentialSetting(p.settings)])];
}

/**
 * Terraform must not undo what the cluster writes: the host fills the keys Secret's
 * `data`; a LoadBalancer Service is waited for until it has an address.
 */
function manifestOptions(object: KubernetesObject, keysSecret: string): Partial<ManifestConfig> {
  if (object.kind === "Secret" && object.metadata?.name === keysSecret) {
    return { computedFields: ["metadata.annotations", "metadata.labels", "data"] };
  }
  if (object.kind === "Service" && object.spec?.type === "LoadBalancer") {
    return { wait: { fields: { "status.loadBalancer.ingress[0].ip": "^(\\d+(\\.|$)){4}" } } };
  }
  return {};
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** `base`, or `base-2`, `base-3`, ... when a child of that id exists. */
function uniqueId(scope: Construct, base: string): string {
  let id = base;
  for (let n = 2; scope.node.tryFindChild(id) !== undefined; n++) id = `${base}-${n}`;
  return id;
}

/** `name` derives object names, lengths and construct IDs, so it must be known at synth time. */
function literalName(name: string): Violation[] {
  if (!isToken(name)) return [];
  return [
    {
      property: "name",
      value: name,
      rule: "must be a literal, not a Terraform expression: it derives every object name and the construct's Terraform addresses",
      fix: "pass the app name as a string; namespace, settings and most other props may be Terraform references",
    },
  ];
}

/**
 * The construct ID of an object's `kubernetes_manifest` (a Terraform address, so stable):
 * kind and name. A keys Secret named by a Terraform token keeps the ID of the default name.
 */
function manifestId(object: KubernetesObject, appName: string): string {
  const name = object.metadata?.name ?? "";
  const known = isToken(name) && object.kind === "Secret" ? objectNames(appName).keysSecret : name;
  return `${object.kind.toLowerCase()}-${known}`;
}
