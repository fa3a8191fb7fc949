/** Serves Podlab's server-side tables as meta.k8s.io/v1 Table JSON, for table-rendering oracles. */
import type { KubeObject } from '../../api/object';
import { generateTable } from '../../kubectl/printers/tables';

/** The JSON an apiserver returns for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. */
export function tableJson(kind: string, objects: readonly KubeObject[], now: number): unknown {
  const table = generateTable(kind, objects, now);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1000' },
    columnDefinitions: table.columnDefinitions,
    rows: table.rows.map((row) => ({
      cells: row.cells,
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: row.object.metadata,
      },
    })),
  };
}
