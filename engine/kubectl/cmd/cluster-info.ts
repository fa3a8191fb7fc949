/** `kubectl cluster-info`: where the control plane and cluster services run (kubectl pkg/cmd/clusterinfo). */
import type { CommandSpec } from '../command';

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

/** The cluster-info command. */
export const clusterInfoCommand: CommandSpec = {
  name: 'cluster-info',
  group: 'Cluster Management Commands:',
  usage: 'cluster-info [flags] [options]',
  short: 'Display cluster information',
  long: 'Show the address of the control plane and of the services labelled kubernetes.io/cluster-service=true.',
  examples: '  # Where is the control plane?\n  kubectl cluster-info',
  *run(ctx) {
    if (ctx.args.length > 0)
      return yield* ctx.fail(`unknown command "${ctx.args[0]}" for "kubectl cluster-info"`);
    const url = ctx.cluster.controlPlaneUrl;
    // go-colortext writes its escape codes whether or not stdout is a terminal.
    let text = `${GREEN}Kubernetes control plane${RESET} is running at ${YELLOW}${url}${RESET}\n`;
    for (const svc of ctx.cluster.server.list('Service', { namespace: 'kube-system' })) {
      if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
      const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name!;
      const port = ((svc.spec as { ports?: Array<{ name?: string }> }).ports ?? [])[0]?.name;
      const link = `${url}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${port ? `:${port}` : ''}/proxy`;
      text += `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`;
    }
    text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    yield* ctx.out(text);
    return 0;
  },
};
