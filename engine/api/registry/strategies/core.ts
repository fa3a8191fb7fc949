/**
 * Strategies of the remaining core/v1 kinds: Namespace and Node (cluster-scoped) and the plain
 * namespaced kinds ConfigMap, Secret, ServiceAccount, Endpoints and Event
 * (k/k pkg/registry/core/<kind>/strategy.go).
 */
import type { KubeObject } from '../../object';
import { admitNamespaceLifecycle, admitNodeTaint } from '../admission';
import {
  defaultEndpoints,
  defaultEvent,
  defaultNamespace,
  defaultNode,
  defaultSecret,
} from '../defaults/core';
import { ensureObj, strsAt, type Obj } from '../json';
import type { Strategy, StrategyContext } from '../strategy';
import {
  validateNamespace,
  validateNamespaceStatusUpdate,
  validateNamespaceUpdate,
  validateNode,
  validateNodeUpdate,
} from '../validation/cluster';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateEndpoints,
  validateEndpointsUpdate,
  validateEvent,
  validateEventUpdate,
  validateSecret,
  validateSecretUpdate,
  validateServiceAccount,
  validateServiceAccountUpdate,
} from '../validation/config';
import { asObj, keepOldSpec, keepOldStatus } from './common';

/** The Namespace strategy: Active on create, with the `kubernetes` finalizer. */
export const namespaceStrategy: Strategy = {
  kind: 'Namespace',
  namespaced: false,
  applyDefaults: (obj) => defaultNamespace(asObj(obj)),
  prepareForCreate(obj) {
    const ns = asObj(obj);
    ns.status = { phase: 'Active' };
    const spec = ensureObj(ns, 'spec');
    const finalizers = strsAt(spec, 'finalizers') ?? [];
    if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
    // Canonicalize: a namespace named through generateName gets its name label now.
    defaultNamespace(ns);
  },
  prepareForUpdate(obj, old) {
    const spec = ensureObj(asObj(obj), 'spec');
    spec.finalizers = (old.spec as Obj | undefined)?.finalizers;
    keepOldStatus(obj, old);
  },
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => validateNamespace(asObj(obj)),
  validateUpdate: (obj, old) => validateNamespaceUpdate(asObj(obj), asObj(old)),
  validateStatusUpdate: (obj, old) => validateNamespaceStatusUpdate(asObj(obj), asObj(old)),
};

/** The Node strategy: status arrives with the registering kubelet; TaintNodesByCondition runs on create. */
export const nodeStrategy: Strategy = {
  kind: 'Node',
  namespaced: false,
  applyDefaults: (obj) => defaultNode(asObj(obj)),
  admit(obj, _ctx, old) {
    if (old === undefined) admitNodeTaint(asObj(obj));
    return undefined;
  },
  prepareForCreate() {},
  prepareForUpdate: keepOldStatus,
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => validateNode(asObj(obj)),
  validateUpdate: (obj, old) => [
    ...validateNode(asObj(obj)),
    ...validateNodeUpdate(asObj(obj), asObj(old)),
  ],
  validateStatusUpdate: (obj, old) => validateNodeUpdate(asObj(obj), asObj(old)),
};

function plain(
  kind: string,
  resource: string,
  applyDefaults: (o: Obj) => void,
  validate: (o: Obj) => ReturnType<Strategy['validate']>,
  validateUpdate: (o: Obj, old: Obj) => ReturnType<Strategy['validate']>,
): Strategy {
  return {
    kind,
    namespaced: true,
    applyDefaults: (obj) => applyDefaults(asObj(obj)),
    admit: (obj: KubeObject, ctx: StrategyContext, old?: KubeObject) =>
      admitNamespaceLifecycle(resource, asObj(obj), ctx, old === undefined),
    prepareForCreate() {},
    prepareForUpdate() {},
    prepareForStatusUpdate() {},
    validate: (obj) => validate(asObj(obj)),
    validateUpdate: (obj, old) => validateUpdate(asObj(obj), asObj(old)),
  };
}

const noDefaults = () => {};

/** ConfigMap. */
export const configMapStrategy = plain(
  'ConfigMap',
  'configmaps',
  noDefaults,
  validateConfigMap,
  validateConfigMapUpdate,
);
/** Secret (type Opaque by default, stringData folded into data). */
export const secretStrategy = plain(
  'Secret',
  'secrets',
  defaultSecret,
  validateSecret,
  validateSecretUpdate,
);
/** ServiceAccount. */
export const serviceAccountStrategy = plain(
  'ServiceAccount',
  'serviceaccounts',
  noDefaults,
  validateServiceAccount,
  validateServiceAccountUpdate,
);
/** Endpoints. */
export const endpointsStrategy = plain(
  'Endpoints',
  'endpoints',
  defaultEndpoints,
  validateEndpoints,
  validateEndpointsUpdate,
);
/** Event (core/v1). */
export const eventStrategy = plain(
  'Event',
  'events',
  defaultEvent,
  validateEvent,
  validateEventUpdate,
);
