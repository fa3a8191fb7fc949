/**
 * The per-kind registry strategy, after k8s.io/apiserver/pkg/registry/rest (RESTCreateStrategy,
 * RESTUpdateStrategy) and the kinds' pkg/registry/<group>/<kind>/strategy.go: defaulting,
 * mutating admission, PrepareForCreate/PrepareForUpdate and validation.
 */
import type { StatusError } from '../errors';
import type { FieldError } from '../field-error';
import type { KubeObject } from '../object';
import type { Rng } from '../../random';

/** Cluster facts and inputs a strategy may need. */
export interface StrategyContext {
  /** The current virtual time (ms since epoch). */
  now: number;
  /** Randomness for generated names (the kube-api-access volume suffix). */
  rng: Rng;
  /** Whether a namespace exists (NamespaceLifecycle admission). */
  namespaceExists(ns: string): boolean;
  /**
   * Looks up a stored object (`ServiceAccount` for ServiceAccount admission, `Namespace` for the
   * terminating check, `PriorityClass`). When absent, admission assumes the default service
   * account exists, namespaces are active and only the system priority classes exist.
   */
  get?(kind: string, namespace: string, name: string): KubeObject | undefined;
}

/** One kind's create/update behaviour. */
export interface Strategy {
  /** The kind, e.g. `Job`. */
  readonly kind: string;
  /** Whether objects of the kind live in a namespace. */
  readonly namespaced: boolean;
  /**
   * Defaulting as decoding applies it (SetDefaults_<Kind> and the nested defaults), mutating the
   * object in place. Runs on every decoded request body, creates and updates alike.
   */
  applyDefaults(obj: KubeObject): void;
  /**
   * Mutating admission (create, or update when `old` is given). Returns the Status error an
   * admission plugin rejects the request with (NotFound namespace, Forbidden…).
   */
  admit?(obj: KubeObject, ctx: StrategyContext, old?: KubeObject): StatusError | undefined;
  /** PrepareForCreate: reset status, set generation and generated fields. Needs uid and name set. */
  prepareForCreate(obj: KubeObject, ctx: StrategyContext): void;
  /** PrepareForUpdate of the main resource: keep the old status, bump generation on spec changes. */
  prepareForUpdate(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** The status subresource's PrepareForUpdate: keep the old spec (and what else upstream keeps). */
  prepareForStatusUpdate(obj: KubeObject, old: KubeObject): void;
  /** Validate on create. */
  validate(obj: KubeObject, ctx: StrategyContext): FieldError[];
  /** ValidateUpdate of the main resource. */
  validateUpdate(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** ValidateUpdate of the status subresource. */
  validateStatusUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
}
