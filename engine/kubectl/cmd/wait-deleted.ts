/**
 * Waiting for deleted objects to disappear, as `kubectl delete` does after its deletions
 * (kubectl pkg/cmd/wait/delete.go#IsDeleted through a watch): the command blocks until no object
 * with the deleted UIDs is left, woken by the API server's watch events.
 */
import type { Block } from '../../runtime/kernel';
import { Notifier } from '../../runtime/notifier';
import type { CommandContext } from '../command';

/** An object kubectl deleted and now waits for. */
export interface DeletedRef {
  kind: string;
  /** `pods`, `jobs.batch`: how the timeout message names the resource. */
  resource: string;
  namespace: string;
  name: string;
  uid: string;
}

function stillThere(ctx: CommandContext, ref: DeletedRef): boolean {
  return ctx.cluster.server.get(ref.kind, ref.namespace, ref.name)?.metadata.uid === ref.uid;
}

/**
 * Blocks until every ref is gone; `timeoutMs` 0 waits a week, as kubectl does. Returns the
 * timeout error of the first object left, or undefined.
 */
export function* waitForDeletion(
  ctx: CommandContext,
  refs: readonly DeletedRef[],
  timeoutMs: number,
): Generator<Block, string | undefined, void> {
  const changed = new Notifier();
  const stop = ctx.cluster.server.watch('*', (event) => {
    if (event.type === 'DELETED') changed.notify();
  });
  const deadline = ctx.cluster.now() + (timeoutMs > 0 ? timeoutMs : 168 * 3600 * 1000);
  try {
    for (;;) {
      const left = refs.filter((r) => stillThere(ctx, r));
      if (left.length === 0) return undefined;
      if (ctx.cluster.now() >= deadline)
        return `timed out waiting for the condition on ${left[0].resource}/${left[0].name}`;
      yield { on: [changed], until: deadline, interruptible: true };
    }
  } finally {
    stop();
  }
}
