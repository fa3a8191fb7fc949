import { describe, expect, it } from 'vitest';
import { Fnv32, hashControllerRevision, safeEncodeString } from './hash';
import { goJsonMarshal } from './go-json';
import { daemonSetRevisionData, revisionDataRaw, typedTemplateJson } from './revision';
import { computeHash } from './compute-hash';

describe('FNV-32 (Go hash/fnv)', () => {
  // Reference values of the FNV specification (Noll's test vectors) that Go's fnv package passes.
  it('matches the published test vectors', () => {
    expect(new Fnv32('1').writeString('').sum32()).toBe(0x811c9dc5);
    expect(new Fnv32('1a').writeString('').sum32()).toBe(0x811c9dc5);
    expect(new Fnv32('1').writeString('a').sum32()).toBe(0x050c5d7e);
    expect(new Fnv32('1a').writeString('a').sum32()).toBe(0xe40c292c);
    expect(new Fnv32('1').writeString('foobar').sum32()).toBe(0x31f0b262);
    expect(new Fnv32('1a').writeString('foobar').sum32()).toBe(0xbf9cf968);
  });
});

describe('rand.SafeEncodeString', () => {
  it('maps decimal digits to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('gives seed 001 hashes their form', () => {
    for (const h of ['6895fcbd55', '7788b4f657', '7dc79fd8df'])
      expect([...h].every((ch) => '456789bcdf'.includes(ch))).toBe(true);
    // Decoding them gives uint32 values, as the encoding of fmt.Sprint(Sum32()) must.
    const decode = (h: string) => Number([...h].map((ch) => '456789bcdf'.indexOf(ch)).join(''));
    for (const h of ['6895fcbd55', '7788b4f657', '7dc79fd8df'])
      expect(decode(h)).toBeLessThanOrEqual(0xffffffff);
  });
});

describe('history.HashControllerRevision', () => {
  it('is FNV-1 over the data, then the probe as decimal text', () => {
    const raw = '{"spec":{}}';
    const sum = new Fnv32('1').writeString(raw).sum32();
    expect(hashControllerRevision(raw)).toBe(safeEncodeString(String(sum)));
    const probed = new Fnv32('1').writeString(raw + '2').sum32();
    expect(hashControllerRevision(raw, 2)).toBe(safeEncodeString(String(probed)));
  });
});

describe('Go json.Marshal of generic maps', () => {
  it('sorts keys and escapes like encoding/json', () => {
    expect(goJsonMarshal({ b: 1, a: '<x&y>', $patch: 'replace' })).toBe(
      '{"$patch":"replace","a":"\\u003cx\\u0026y\\u003e","b":1}',
    );
    expect(goJsonMarshal({ s: 'tab\there\u2028\u0001' })).toBe('{"s":"tab\\there\\u2028\\u0001"}');
  });
});

describe('DaemonSet revision data (update.go#getPatch)', () => {
  const template = {
    metadata: { labels: { app: 'logd' } },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'busybox:1.36',
          command: ['sleep', '3600'],
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      hostNetwork: false,
      nodeSelector: {},
    },
  };

  it('writes the typed template with $patch replace, keys sorted', () => {
    expect(revisionDataRaw(daemonSetRevisionData({ spec: { template } }))).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"logd"}},' +
        '"spec":{"containers":[{"command":["sleep","3600"],"image":"busybox:1.36","imagePullPolicy":"IfNotPresent",' +
        '"name":"c","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],' +
        '"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},' +
        '"terminationGracePeriodSeconds":30}}}}',
    );
  });

  it('drops omitempty zero values but keeps pointer ones', () => {
    const t = typedTemplateJson({
      spec: {
        containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 0 }] }],
        hostPID: false,
        automountServiceAccountToken: false,
      },
    });
    expect(t).toEqual({
      metadata: { creationTimestamp: null },
      spec: {
        containers: [{ name: 'c', ports: [{ containerPort: 80 }], resources: {} }],
        automountServiceAccountToken: false,
      },
    });
  });

  it('hashes identical templates alike and different ones apart', () => {
    const h1 = computeHash(template);
    expect(h1).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeHash(structuredClone(template))).toBe(h1);
    expect(computeHash({ ...template, metadata: { labels: { app: 'other' } } })).not.toBe(h1);
    expect(computeHash(template, 1)).not.toBe(h1);
  });
});
