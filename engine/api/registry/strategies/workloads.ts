/**
 * Strategies of CronJob (pkg/registry/batch/cronjob/strategy.go) and the apps/v1 kinds
 * (pkg/registry/apps/{daemonset,deployment,replicaset,controllerrevision}/strategy.go).
 */
import type { KubeObject } from '../../object';
import { admitNamespaceLifecycle } from '../admission';
import {
  defaultCronJob,
  defaultDaemonSet,
  defaultDeployment,
  defaultReplicaSet,
} from '../defaults/workloads';
import { ensureObj, isObj, semanticEqual, type Obj } from '../json';
import type { Strategy, StrategyContext } from '../strategy';
import {
  DS_TEMPLATE_GENERATION_ANNOTATION,
  templateGeneration,
  validateControllerRevision,
  validateControllerRevisionUpdate,
  validateDaemonSet,
  validateDaemonSetStatusUpdate,
  validateDaemonSetUpdate,
  validateDeployment,
  validateDeploymentStatusUpdate,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
} from '../validation/apps';
import { validateCronJobCreate, validateCronJobUpdate } from '../validation/batch';
import { asObj, bumpGeneration, keepOldSpec, keepOldStatus, metaOf, specChanged } from './common';

const admitIn = (resource: string) => (obj: KubeObject, ctx: StrategyContext, old?: KubeObject) =>
  admitNamespaceLifecycle(resource, asObj(obj), ctx, old === undefined);

/** The CronJob strategy. */
export const cronJobStrategy: Strategy = {
  kind: 'CronJob',
  namespaced: true,
  applyDefaults: (obj) => defaultCronJob(asObj(obj)),
  admit: admitIn('cronjobs.batch'),
  prepareForCreate(obj) {
    obj.status = {};
    metaOf(obj).generation = 1;
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    bumpGeneration(obj, old, specChanged(obj, old));
  },
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => validateCronJobCreate(asObj(obj)),
  validateUpdate: (obj, old) => validateCronJobUpdate(asObj(obj), asObj(old)),
};

/** apps/v1 keeps the internal spec.templateGeneration in this annotation. */
function setTemplateGeneration(obj: KubeObject, generation: number): void {
  // A fresh map: on internal updates the old one is shared with the stored object.
  const meta = metaOf(obj);
  meta.annotations = {
    ...ensureObj(meta, 'annotations'),
    [DS_TEMPLATE_GENERATION_ANNOTATION]: String(generation),
  };
}

function templateOf(obj: KubeObject): unknown {
  return isObj(obj.spec) ? (obj.spec as Obj).template : undefined;
}

/** The DaemonSet strategy: template generation tracking on top of the usual rules. */
export const daemonSetStrategy: Strategy = {
  kind: 'DaemonSet',
  namespaced: true,
  applyDefaults: (obj) => defaultDaemonSet(asObj(obj)),
  admit: admitIn('daemonsets.apps'),
  prepareForCreate(obj) {
    // The four counters are not omitempty, so a new DaemonSet shows them as zero.
    obj.status = {
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    };
    metaOf(obj).generation = 1;
    // @simplified: a non-numeric annotation is a decoding error upstream; here it counts as 0.
    setTemplateGeneration(obj, Math.max(templateGeneration(asObj(obj)), 1));
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    const oldGeneration = templateGeneration(asObj(old));
    if (!semanticEqual(templateOf(obj), templateOf(old))) {
      setTemplateGeneration(obj, oldGeneration + 1);
      bumpGeneration(obj, old, true);
      return;
    }
    setTemplateGeneration(obj, oldGeneration);
    bumpGeneration(obj, old, specChanged(obj, old));
  },
  prepareForStatusUpdate(obj, old) {
    keepOldSpec(obj, old);
    setTemplateGeneration(obj, templateGeneration(asObj(old)));
  },
  validate: (obj) => validateDaemonSet(asObj(obj)),
  validateUpdate: (obj, old) => validateDaemonSetUpdate(asObj(obj), asObj(old)),
  validateStatusUpdate: (obj, old) => validateDaemonSetStatusUpdate(asObj(obj), asObj(old)),
};

/** The Deployment strategy: annotation changes bump the generation too (they reach ReplicaSets). */
export const deploymentStrategy: Strategy = {
  kind: 'Deployment',
  namespaced: true,
  applyDefaults: (obj) => defaultDeployment(asObj(obj)),
  admit: admitIn('deployments.apps'),
  prepareForCreate(obj) {
    obj.status = {};
    metaOf(obj).generation = 1;
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    const annotationsChanged = !semanticEqual(metaOf(obj).annotations, metaOf(old).annotations);
    bumpGeneration(obj, old, specChanged(obj, old) || annotationsChanged);
  },
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => validateDeployment(asObj(obj)),
  validateUpdate: (obj, old) => validateDeploymentUpdate(asObj(obj), asObj(old)),
  validateStatusUpdate: (obj, old) => validateDeploymentStatusUpdate(asObj(obj), asObj(old)),
};

/** The ReplicaSet strategy. */
export const replicaSetStrategy: Strategy = {
  kind: 'ReplicaSet',
  namespaced: true,
  applyDefaults: (obj) => defaultReplicaSet(asObj(obj)),
  admit: admitIn('replicasets.apps'),
  prepareForCreate(obj) {
    // ReplicaSetStatus.replicas is not omitempty.
    obj.status = { replicas: 0 };
    metaOf(obj).generation = 1;
  },
  prepareForUpdate(obj, old) {
    keepOldStatus(obj, old);
    bumpGeneration(obj, old, specChanged(obj, old));
  },
  prepareForStatusUpdate: keepOldSpec,
  validate: (obj) => validateReplicaSet(asObj(obj)),
  validateUpdate: (obj, old) => validateReplicaSetUpdate(asObj(obj), asObj(old)),
  validateStatusUpdate: (obj, old) => validateReplicaSetStatusUpdate(asObj(obj), asObj(old)),
};

/** The ControllerRevision strategy: revisions are written once and never change their data. */
export const controllerRevisionStrategy: Strategy = {
  kind: 'ControllerRevision',
  namespaced: true,
  applyDefaults() {},
  admit: admitIn('controllerrevisions.apps'),
  prepareForCreate() {},
  prepareForUpdate() {},
  prepareForStatusUpdate() {},
  validate: (obj) => validateControllerRevision(asObj(obj)),
  validateUpdate: (obj, old) => validateControllerRevisionUpdate(asObj(obj), asObj(old)),
};
