/**
 * Server-side table generation (the apiserver's TableConvertor): the printer for each kind
 * Podlab serves, and `generateTable` that turns objects of one kind into a Table.
 */
import type { KubeObject } from '../../../api/object';
import { translateTimestampSince } from '../../format/duration';
import { AGE_COLUMN, NAME_COLUMN, type KindPrinter, type Table } from '../table';
import { cronJobPrinter } from './cronjob';
import { daemonSetPrinter } from './daemonset';
import { deploymentPrinter } from './deployment';
import { endpointsPrinter } from './endpoints';
import { eventPrinter } from './event';
import { jobPrinter } from './job';
import { nodePrinter } from './node';
import { podPrinter } from './pod';
import { replicaSetPrinter } from './replicaset';
import { servicePrinter } from './service';
import {
  configMapPrinter,
  controllerRevisionPrinter,
  namespacePrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './simple';

const PRINTERS: Record<string, KindPrinter<never>> = {
  Pod: podPrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  Event: eventPrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  ServiceAccount: serviceAccountPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  DaemonSet: daemonSetPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  ControllerRevision: controllerRevisionPrinter,
};

/** The printer of a kind, or undefined when Podlab has none. */
export function printerForKind(kind: string): KindPrinter<KubeObject> | undefined {
  return PRINTERS[kind] as KindPrinter<KubeObject> | undefined;
}

/**
 * The Table the apiserver would return for these objects (all of `kind`), with the wide
 * columns included as the server always does. Kinds without a printer get the default
 * NAME/AGE table (apiserver's default table convertor).
 */
export function generateTable(kind: string, objects: readonly KubeObject[], now: number): Table {
  const printer = printerForKind(kind) ?? defaultPrinter;
  const rows = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) {
    rows[i] = { cells: printer.row(objects[i], now), object: objects[i] };
  }
  return { columnDefinitions: [...printer.columns], rows };
}

/** apiserver's default table: Name and Created At; kubectl shows NAME AGE for it. */
const defaultPrinter: KindPrinter<KubeObject> = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  row: (obj, now) => [
    obj.metadata.name ?? '',
    translateTimestampSince(obj.metadata.creationTimestamp, now),
  ],
};
