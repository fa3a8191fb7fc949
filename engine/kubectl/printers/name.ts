/** The `-o name` printer (cli-runtime pkg/printers/name.go): `job.batch/x`, `pod/y`. */
import type { KubeObject } from '../../api/object';
import { groupKindOf } from './tableprinter';

/** One `kind.group/name` line per object, with ` <operation>` when given (`created`). */
export function printName(objects: readonly KubeObject[], operation?: string): string {
  let out = '';
  for (const obj of objects) {
    const prefix = groupKindOf(obj.kind, obj.apiVersion).toLowerCase();
    out += operation
      ? `${prefix}/${obj.metadata.name} ${operation}\n`
      : `${prefix}/${obj.metadata.name}\n`;
  }
  return out;
}
