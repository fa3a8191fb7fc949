/**
 * The common run of the `kubectl create <kind>` generators (kubectl pkg/cmd/create/create.go
 * #NameFromCommandArgs and the Complete/Validate/Run shape of create_job.go & co.): take the one
 * NAME, build the object client-side, send it unless `--dry-run=client`, print it.
 */
import type { StatusError } from '../../api/errors';
import type { KubeObject } from '../../api/object';
import type { CommandContext, CommandResult } from '../command';
import type { FlagDef } from '../flags';
import { dryRunStrategy, withDryRun, type DryRun } from './dry-run';
import { lastAppliedAnnotated } from './last-applied';
import {
  DRY_RUN_FLAG,
  PRINT_FLAGS,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from './common-flags';
import { objectPrinter } from './write-output';

/** Flags every generator has (print flags, dry-run, save-config, validate, field manager). */
export const GENERATOR_FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag('kubectl-create'),
];

/** cobra's required-flag check, run before the command (`required flag(s) "a", "b" not set`). */
export function missingRequired(ctx: CommandContext, names: readonly string[]): string | undefined {
  const missing = names.filter((n) => !ctx.flags.changed(n));
  if (missing.length === 0) return undefined;
  return `required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`;
}

/** The positional arguments before `--` (cobra's ArgsLenAtDash), as NameFromCommandArgs counts them. */
export function argsBeforeDash(ctx: CommandContext): number {
  return ctx.argsLenAtDash >= 0 ? ctx.argsLenAtDash : ctx.args.length;
}

/** Why a generator could not build its object: a message (`error: …`) or an API error. */
export type BuildError = { failure: string | StatusError };

/** What a generator builds; an error aborts the command. */
export interface GeneratorSpec {
  /** Builds the object (namespace set only when -n was given, as EnforceNamespace does). */
  build(ctx: CommandContext, name: string, dryRun: DryRun): KubeObject | BuildError;
  /** Checks options after Complete (the command's Validate). */
  validate?(ctx: CommandContext, name: string): string | undefined;
  /** The wrapping of a server error (`failed to create job: %v`), or undefined to print it as is. */
  wrapError?: string;
}

/** Runs a generator: name, dry-run, printer, validate, build, create, print. */
export function* runGenerator(ctx: CommandContext, spec: GeneratorSpec): CommandResult {
  const n = argsBeforeDash(ctx);
  if (n !== 1) return yield* ctx.usageError(`exactly one NAME is required, got ${n}`);
  const name = ctx.args[0];
  const dry = dryRunStrategy(ctx.flags);
  if (!dry.ok) return yield* ctx.fail(dry.error);
  const printer = objectPrinter(ctx.flags, true);
  if (!printer.ok) return yield* ctx.fail(printer.error);
  const invalid = spec.validate?.(ctx, name);
  if (invalid) return yield* ctx.fail(invalid);
  const built = spec.build(ctx, name, dry.value);
  if ('failure' in built) {
    const f = (built as BuildError).failure;
    return typeof f === 'string' ? yield* ctx.fail(f) : yield* ctx.statusError(f);
  }
  let obj: KubeObject = built;
  if (ctx.flags.bool('save-config')) obj = lastAppliedAnnotated(obj, false);
  if (dry.value !== 'client') {
    const created = ctx.cluster.server.create(obj, {
      namespace: ctx.namespace,
      dryRun: dry.value === 'server',
    });
    if (!created.ok) {
      if (spec.wrapError) return yield* ctx.fail(`${spec.wrapError}: ${created.error.message}`);
      return yield* ctx.statusError(created.error);
    }
    obj = created.value;
  }
  const printed = printer.value(obj, withDryRun('created', dry.value));
  if (!printed.ok) return yield* ctx.fail(printed.error);
  yield* ctx.out(printed.text);
  return 0;
}

/** ObjectMeta in Go field order with the `creationTimestamp: null` of a zero time. */
export function generatedMeta(
  name: string | undefined,
  namespace: string | undefined,
  rest: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...(name !== undefined ? { name } : {}),
    ...(namespace ? { namespace } : {}),
    creationTimestamp: null,
    ...rest,
  };
}

/** A container as the generators build it (Go field order; empty resources). */
export function generatedContainer(
  name: string,
  image: string,
  command: readonly string[],
  ports?: Array<{ containerPort: number }>,
): Record<string, unknown> {
  return {
    name,
    image,
    ...(command.length ? { command: [...command] } : {}),
    ...(ports ? { ports } : {}),
    resources: {},
  };
}
