/** Helpers shared by the per-kind row printers (k/k pkg/printers/internalversion/printers.go). */
import type { Container } from 'kubernetes-types/core/v1';
import type { Condition } from 'kubernetes-types/meta/v1';

/** printers.go#layoutContainerCells: container names and images, comma-joined. */
export function layoutContainerCells(
  containers: readonly Container[] | undefined,
): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** printers.go#printBoolPtr: `True`/`False`, `<unset>` for nil. */
export function printBoolPtr(value: boolean | null | undefined): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** Whether a condition of the given type has status True. */
export function hasTrueCondition(
  conditions: readonly Pick<Condition, 'type' | 'status'>[] | undefined,
  type: string,
): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** printers.go#formatResourceName with kind: `daemonset.apps/name`. */
export function formatResourceName(apiVersion: string, kind: string, name: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const groupKind = group ? `${kind}.${group}` : kind;
  return `${groupKind.toLowerCase()}/${name}`;
}
