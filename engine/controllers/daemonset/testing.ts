/** Test support for the workload controllers: manifest builders for scenario tests. */

/** A DaemonSet manifest: selector and template label `app=<app>`, one `tiny` container. */
export function daemonSetYaml(
  name: string,
  options: {
    app?: string;
    image?: string;
    command?: string[];
    nodeSelector?: Record<string, string>;
    updateStrategy?: string;
    minReadySeconds?: number;
    tolerations?: string;
  } = {},
): string {
  const app = options.app ?? name;
  const command = JSON.stringify(options.command ?? ['sleep', '3600']);
  const lines = [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    `metadata: {name: ${name}}`,
    'spec:',
    `  selector: {matchLabels: {app: ${app}}}`,
  ];
  if (options.updateStrategy) lines.push(`  updateStrategy: ${options.updateStrategy}`);
  if (options.minReadySeconds) lines.push(`  minReadySeconds: ${options.minReadySeconds}`);
  lines.push('  template:', `    metadata: {labels: {app: ${app}}}`, '    spec:');
  if (options.nodeSelector)
    lines.push(`      nodeSelector: ${JSON.stringify(options.nodeSelector)}`);
  if (options.tolerations) lines.push(`      tolerations: ${options.tolerations}`);
  lines.push(
    '      containers:',
    `      - {name: c, image: "${options.image ?? 'tiny:1'}", command: ${command}}`,
  );
  return lines.join('\n') + '\n';
}
