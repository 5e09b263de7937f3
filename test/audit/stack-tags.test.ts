import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { stackTagsOf } from '../../lib/audit/stack-tags';
import { JsonObject } from '../../lib/baseline/intrinsics';
import { removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

const resources = (...tags: unknown[]): Record<string, JsonObject> =>
  Object.fromEntries(tags.map((t, i) => [`R${i}`, { Type: 'AWS::S3::Bucket', ...(t === undefined ? {} : { Properties: { Tags: t } }) } as JsonObject]));

describe('stackTagsOf', () => {
  test('keeps the literal tags every tagged resource carries with the same value, from a tag list or a tag map', () => {
    expect(stackTagsOf(resources(
      [{ Key: 'county', Value: 'Adams' }, { Key: 'environment', Value: 'production' }, { Key: 'Name', Value: 'one' }],
      { county: 'Adams', environment: 'production', Name: 'two' },
      undefined,
    ))).toEqual({ county: 'Adams', environment: 'production' });
  });

  test('drops a tag one tagged resource lacks or gives another value, the data-class tag and aws: tags', () => {
    expect(stackTagsOf(resources(
      [{ Key: 'county', Value: 'Adams' }, { Key: 'team', Value: 'it' }, { Key: 'election:data-class', Value: 'voter-pii' }, { Key: 'aws:cloudformation:stack-name', Value: 's' }],
      [{ Key: 'county', Value: 'Adams' }, { Key: 'team', Value: 'records' }, { Key: 'election:data-class', Value: 'voter-pii' }, { Key: 'aws:cloudformation:stack-name', Value: 's' }],
    ))).toEqual({ county: 'Adams' });
  });

  test('unresolvable: an intrinsic Tags is left out of the comparison, an intrinsic value is no stack tag', () => {
    expect(stackTagsOf(resources(
      { 'Fn::If': ['Prod', [{ Key: 'county', Value: 'X' }], []] },
      [{ Key: 'county', Value: 'Adams' }, { Key: 'environment', Value: { Ref: 'Env' } }],
    ))).toEqual({ county: 'Adams' });
  });

  test('not applicable: no tagged resource, or nothing in common, is no tags at all', () => {
    expect(stackTagsOf(resources(undefined, undefined))).toBeUndefined();
    expect(stackTagsOf({})).toBeUndefined();
    expect(stackTagsOf(resources([{ Key: 'county', Value: 'Adams' }], [{ Key: 'county', Value: 'Boone' }]))).toBeUndefined();
  });
});

describe('the audit\'s templates', () => {
  test('carry the stack tags CDK wrote onto every taggable resource, and none for an untagged template', () => {
    const app = new App();
    const stack = new Stack(app, 'AdamsResults');
    new s3.Bucket(stack, 'Records');
    new sqs.Queue(stack, 'Intake');
    Tags.of(app).add('election:agency', 'Secretary of State');
    Tags.of(stack).add('county', 'Adams');
    Tags.of(stack).add('environment', 'production');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'adams.template.json'), JSON.stringify(Template.fromStack(stack).toJSON()));
    fs.writeFileSync(path.join(dir, 'vendor.template.json'), JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }));
    const report = auditTemplates(loadTemplates(['adams.template.json', 'vendor.template.json'], dir), { generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't' });
    expect(report.templates.map((t) => [t.stack, t.tags])).toEqual([
      ['adams', { 'county': 'Adams', 'election:agency': 'Secretary of State', 'environment': 'production' }],
      ['vendor', undefined],
    ]);
    expect('tags' in report.templates[1]).toBe(false);
  });
});
