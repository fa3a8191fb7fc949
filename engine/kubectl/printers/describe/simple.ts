/**
 * kubectl describe for Namespace, ConfigMap, Secret, ServiceAccount and Endpoints
 * (kubectl pkg/describe/describe.go#describeNamespace, ConfigMapDescriber, #describeSecret,
 * #describeServiceAccount, #describeEndpoints).
 */
import type {
  ConfigMap,
  Endpoints,
  Namespace,
  Secret,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { sortedKeys } from '../../format/labels';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  type DescribeContext,
} from './helpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer';

/** The describe text of a Namespace (Podlab has no quotas or limit ranges: both lists are empty). */
export function describeNamespace(obj: KubeObject): string {
  const ns = obj as unknown as Namespace;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type}\t${c.status}\t${c.lastTransitionTime ?? ''}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, '\nNo resource quota.\n');
    w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  });
}

/** Length in bytes of base64 data (Secret.data / ConfigMap.binaryData values). */
function base64Length(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** The describe text of a ConfigMap. */
export function describeConfigMap(
  obj: KubeObject,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const cm = obj as unknown as ConfigMap;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    // @simplified: Go iterates the data map in random order; Podlab sorts the keys.
    for (const key of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const key of sortedKeys(cm.binaryData)) {
      w.write(LEVEL_0, `${key}: ${base64Length(cm.binaryData![key])} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, now);
  });
}

/** The describe text of a Secret (values are never shown, only their sizes). */
export function describeSecret(obj: KubeObject): string {
  const secret = obj as unknown as Secret;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    // @simplified: Go iterates the data map in random order; Podlab sorts the keys.
    for (const key of sortedKeys(secret.data)) {
      const value = secret.data![key];
      if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') {
        w.write(LEVEL_0, `${key}:\t${decodeBase64(value)}\n`);
      } else {
        w.write(LEVEL_0, `${key}:\t${base64Length(value)} bytes\n`);
      }
    }
  });
}

/** Decodes base64 to a string (latin-1 per byte; tokens are ASCII). */
function decodeBase64(value: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of value.replace(/[\s=]/g, '')) {
    const v = alphabet.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** The describe text of a ServiceAccount; token secrets are found in the context. */
export function describeServiceAccount(
  obj: KubeObject,
  ctx: DescribeContext,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const sa = obj as unknown as ServiceAccount;
  const secrets = ctx.list('Secret').filter((s) => s.metadata.namespace === obj.metadata.namespace);
  const secretNames = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      (s as unknown as Secret).type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === obj.metadata.name,
  );
  const missing = new Set<string>();
  for (const ref of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) {
    if (ref.name && !secretNames.has(ref.name)) missing.add(ref.name);
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const emptyHeader = ' '.repeat(19);
    const sections: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens.map((s) => s.metadata.name ?? '')],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(
          LEVEL_0,
          missing.has(name) ? `${prefix}\t${name} (not found)\n` : `${prefix}\t${name}\n`,
        );
        prefix = emptyHeader;
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

/** The describe text of an Endpoints object. */
export function describeEndpoints(
  obj: KubeObject,
  events: readonly KubeObject[] | undefined,
  now: number,
): string {
  const ep = obj as unknown as Endpoints;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const addresses = (subset.addresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${addresses || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = subset.ports ?? [];
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports)
          w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, now);
  });
}
