import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../resources';
import { fieldAt, schemaFor, schemaKind, schemaType, structOf } from './index';

const root = join(__dirname, '..', '..', '..');
const out = join(__dirname, 'generated', 'schema.json');

describe('generated schema', () => {
  it('covers every served kind and its list', () => {
    for (const r of RESOURCES) {
      const k = schemaKind(r.kind);
      expect(k, r.kind).toBeDefined();
      expect(schemaFor(r.kind)?.name).toBe(r.kind);
      expect(schemaType(k!.list)?.name).toBe(`${r.kind}List`);
    }
  });

  it('types Job.spec.backoffLimit as an int32 integer with its description', () => {
    const f = fieldAt('Job', 'spec.backoffLimit');
    expect(f).toMatchObject({
      name: 'backoffLimit',
      type: 'integer',
      format: 'int32',
      required: false,
    });
    expect(f?.description).toMatch(
      /^Specifies the number of retries before marking this job failed/,
    );
    expect(fieldAt('Job', 'spec.activeDeadlineSeconds')?.format).toBe('int64');
  });

  it('marks CronJob spec.schedule and spec.jobTemplate required', () => {
    expect(fieldAt('CronJob', 'spec.schedule')).toMatchObject({ type: 'string', required: true });
    expect(fieldAt('CronJob', 'spec.jobTemplate')).toMatchObject({
      type: 'object',
      ref: 'batch/v1.JobTemplateSpec',
      required: true,
    });
  });

  it('types Pod spec.containers as a required array of Container', () => {
    const f = fieldAt('Pod', 'spec.containers');
    expect(f).toMatchObject({
      type: 'array',
      required: true,
      items: { type: 'object', ref: 'core/v1.Container' },
    });
    expect(structOf(f!)?.goType).toBe('v1.Container');
    expect(fieldAt('Pod', 'spec.containers.image')?.type).toBe('string');
  });

  it('knows special scalar types and maps', () => {
    expect(fieldAt('Pod', 'metadata.creationTimestamp')?.type).toBe('Time');
    expect(fieldAt('Pod', 'metadata.labels')).toMatchObject({
      type: 'map',
      values: { type: 'string' },
    });
    expect(fieldAt('Pod', 'spec.containers.resources.limits')).toMatchObject({
      type: 'map',
      goType: 'v1.ResourceList',
      values: { type: 'Quantity' },
    });
    expect(fieldAt('DaemonSet', 'spec.updateStrategy.rollingUpdate.maxUnavailable')?.type).toBe(
      'IntOrString',
    );
    expect(fieldAt('Secret', 'data')).toMatchObject({ type: 'map', values: { type: 'bytes' } });
  });

  it('includes the 1.31/1.32 overlay and drops removed fields', () => {
    expect(fieldAt('Pod', 'spec.resources')?.ref).toBe('core/v1.ResourceRequirements');
    expect(fieldAt('Pod', 'spec.securityContext.supplementalGroupsPolicy')?.enum).toEqual([
      'Merge',
      'Strict',
    ]);
    expect(fieldAt('Pod', 'spec.volumes.image.reference')?.type).toBe('string');
    expect(fieldAt('Pod', 'spec.resourceClaims.source')).toBeUndefined();
    expect(fieldAt('Pod', 'spec.resourceClaims.resourceClaimName')?.type).toBe('string');
  });

  it('records enums and Go type names', () => {
    expect(fieldAt('Pod', 'spec.restartPolicy')).toMatchObject({
      goType: 'v1.RestartPolicy',
      enum: ['Always', 'Never', 'OnFailure'],
    });
    expect(fieldAt('CronJob', 'spec.concurrencyPolicy')?.enum).toEqual([
      'Allow',
      'Forbid',
      'Replace',
    ]);
  });

  it('is regenerated deterministically and fast', () => {
    const before = readFileSync(out, 'utf8');
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [join(root, 'scripts', 'gen-schema.mjs')]);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(ms).toBeLessThan(1000);
  });
});
