/**
 * The small printers: Namespace, ConfigMap, Secret, ServiceAccount, ControllerRevision
 * (k/k pkg/printers/internalversion/printers.go#printNamespace, #printConfigMap, #printSecret,
 * #printServiceAccount, #printControllerRevision).
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Namespace, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../format/duration';
import { AGE_COLUMN, NAME_COLUMN, column, type KindPrinter } from '../table';
import { formatResourceName } from './common';

const count = (map: object | undefined) => (map ? Object.keys(map).length : 0);

/** `kubectl get namespaces`: NAME STATUS AGE. */
export const namespacePrinter: KindPrinter<Namespace> = {
  columns: [NAME_COLUMN, column('Status'), AGE_COLUMN],
  row: (ns, now) => [
    ns.metadata?.name ?? '',
    ns.status?.phase ?? '',
    translateTimestampSince(ns.metadata?.creationTimestamp, now),
  ],
};

/** `kubectl get configmaps`: NAME DATA AGE (data plus binaryData keys). */
export const configMapPrinter: KindPrinter<ConfigMap> = {
  columns: [NAME_COLUMN, column('Data', 'integer'), AGE_COLUMN],
  row: (cm, now) => [
    cm.metadata?.name ?? '',
    count(cm.data) + count(cm.binaryData),
    translateTimestampSince(cm.metadata?.creationTimestamp, now),
  ],
};

/** `kubectl get secrets`: NAME TYPE DATA AGE. */
export const secretPrinter: KindPrinter<Secret> = {
  columns: [NAME_COLUMN, column('Type'), column('Data'), AGE_COLUMN],
  row: (secret, now) => [
    secret.metadata?.name ?? '',
    secret.type ?? 'Opaque',
    count(secret.data),
    translateTimestampSince(secret.metadata?.creationTimestamp, now),
  ],
};

/** `kubectl get serviceaccounts`: NAME SECRETS AGE. */
export const serviceAccountPrinter: KindPrinter<ServiceAccount> = {
  columns: [NAME_COLUMN, column('Secrets'), AGE_COLUMN],
  row: (sa, now) => [
    sa.metadata?.name ?? '',
    sa.secrets?.length ?? 0,
    translateTimestampSince(sa.metadata?.creationTimestamp, now),
  ],
};

/** `kubectl get controllerrevisions`: NAME CONTROLLER REVISION AGE. */
export const controllerRevisionPrinter: KindPrinter<ControllerRevision> = {
  columns: [NAME_COLUMN, column('Controller'), column('Revision', 'integer'), AGE_COLUMN],
  row: (rev, now) => {
    const owner = (rev.metadata?.ownerReferences ?? []).find((o) => o.controller);
    const controller = owner
      ? formatResourceName(owner.apiVersion, owner.kind, owner.name)
      : '<none>';
    return [
      rev.metadata?.name ?? '',
      controller,
      rev.revision,
      translateTimestampSince(rev.metadata?.creationTimestamp, now),
    ];
  },
};
