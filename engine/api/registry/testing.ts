/**
 * Helpers for tests of the registry: run an object through the create/update steps the way the
 * API server will, and print an Invalid error the way kubectl does.
 */
import { internalError, invalid, type StatusError } from '../errors';
import type { FieldError } from '../field-error';
import type { KubeObject } from '../object';
import { resourceForKind } from '../resources';
import { Rng } from '../../random';
import { strategyFor } from './index';
import { clone, type Obj } from './json';
import { beforeCreate, beforeStatusUpdate, beforeUpdate } from './rest';
import type { StrategyContext } from './strategy';

/**
 * kubectl's rendering of a 422 Invalid error (cmd/util/helpers.go#checkErr with
 * statusCausesToAggrError and MultilineError): one cause on the first line, several as
 * `* field: message` lines under a first line that ends in a space. Repeated causes print once.
 */
export function kubectlInvalidText(err: StatusError): string {
  const d = err.details ?? {};
  const head = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const c of d.causes ?? []) {
    const line = `${c.field}: ${c.message}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  if (lines.length === 0) return head;
  if (lines.length === 1) return `${head}: ${lines[0]}`;
  return [`${head}: `, ...lines.map((l) => `* ${l}`)].join('\n');
}

/** A context with every namespace present and a fixed seed. */
export function testContext(overrides: Partial<StrategyContext> = {}): StrategyContext {
  return {
    now: Date.parse('2025-01-15T10:00:00Z'),
    rng: Rng.seeded('registry-test'),
    namespaceExists: () => true,
    ...overrides,
  };
}

/** The result of running an object through the registry. */
export interface RegistryResult {
  obj: KubeObject;
  errors: FieldError[];
  status?: StatusError;
}

/** A fixed uid for created test objects. */
export const TEST_UID = '9b3380cf-44e1-443d-9769-41cc9f3230fa';

/** Create: defaults, admission, system fields, PrepareForCreate and validation. */
export function createThrough(input: KubeObject, ctx = testContext()): RegistryResult {
  const obj = clone(input);
  const strategy = strategyFor(obj.kind);
  if (!strategy) return noStrategy(obj);
  strategy.applyDefaults(obj);
  const status = strategy.admit?.(obj, ctx);
  if (status) return { obj, errors: [], status };
  const meta = obj.metadata as Obj;
  meta.uid ??= TEST_UID;
  meta.creationTimestamp ??= '2025-01-15T10:00:00Z';
  meta.resourceVersion ??= '1';
  if (strategy.namespaced) meta.namespace ??= 'default';
  return { obj, errors: beforeCreate(strategy, obj, ctx) };
}

/** Update of the main resource: defaults, admission, BeforeUpdate. */
export function updateThrough(
  input: KubeObject,
  old: KubeObject,
  ctx = testContext(),
): RegistryResult {
  const obj = clone(input);
  const strategy = strategyFor(obj.kind);
  if (!strategy) return noStrategy(obj);
  strategy.applyDefaults(obj);
  const status = strategy.admit?.(obj, ctx, old);
  if (status) return { obj, errors: [], status };
  (obj.metadata as Obj).resourceVersion ??= old.metadata.resourceVersion;
  return { obj, errors: beforeUpdate(strategy, obj, old, ctx) };
}

/** Update of the status subresource. */
export function statusUpdateThrough(input: KubeObject, old: KubeObject): RegistryResult {
  const obj = clone(input);
  const strategy = strategyFor(obj.kind);
  if (!strategy) return noStrategy(obj);
  (obj.metadata as Obj).resourceVersion ??= old.metadata.resourceVersion;
  return { obj, errors: beforeStatusUpdate(strategy, obj, old) };
}

function noStrategy(obj: KubeObject): RegistryResult {
  return { obj, errors: [], status: internalError(`no strategy for ${obj.kind}`) };
}

/** What kubectl prints for a failed registry step. */
export function kubectlText(result: RegistryResult): string {
  if (result.status) return result.status.message;
  const info = resourceForKind(result.obj.kind);
  const err = invalid(
    info?.group ?? '',
    result.obj.kind,
    result.obj.metadata.name ?? '',
    result.errors,
  );
  return kubectlInvalidText(err);
}
