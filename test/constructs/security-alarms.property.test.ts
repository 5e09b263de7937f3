import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as fc from 'fast-check';
import { ElectionAuditTrail } from '../../constructs/election-audit-trail';
import { SecurityAlarms, SecurityAlarmsProps } from '../../constructs/security-alarms';
import { buildOrReject, mostly, oddString, propertyStack, Tally, tokenString } from '../helpers/property-harness';

const PROPS = ['trail', 'recordsBuckets', 'topic', 'emailSubscriptions', 'httpsSubscriptions', 'metricNamespace'];

const emails = mostly(
  fc.constantFrom('soc@county.example.gov', 'clerk+alerts@adams.example.gov', 'x@y.us'),
  fc.oneof(fc.constantFrom('soc@', '@county.gov', 'soc county@example.gov', 'soc@localhost', 'élections@comté.example', '', 'a@b.c\n', '"a"@b.gov'), oddString),
);

const urls = mostly(
  fc.constantFrom('https://events.pagerduty.com/integration/abc/enqueue', 'https://soar.example.gov/hooks/election?id=7'),
  fc.oneof(
    fc.constantFrom('http://soar.example.gov/hook', 'https://user:pw@soar.example.gov/hook', 'https://', 'ftp://soar.example.gov', 'https://xn--lections-b1a.example/hook',
      'https://élections.example/hook', `https://soar.example.gov/${'a'.repeat(3000)}`, 'HTTPS://SOAR.EXAMPLE.GOV/', 'https://[::1]/hook'),
    oddString,
  ),
);

const namespaces = mostly(
  fc.constantFrom('ElectionBaseline/CloudTrail', 'County/Adams/Security', 'a', 'n'.repeat(255)),
  fc.oneof(fc.constantFrom('', ' ', '   ', 'AWS/CloudTrail', 'aws/cloudtrail', 'n'.repeat(256), 'Name:Space', 'Wahl/Sicherheit-ü', 'ns*', '$ns'), oddString),
);

/** Bucket names: literal ones of every length S3 allows, or tokens standing for generated names. */
const bucketNames = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/), fc.constant(null).map(() => tokenString('generated-records-bucket')));

const inputs = fc.record({
  recordsBuckets: fc.option(fc.array(bucketNames, { maxLength: 12 }), { nil: undefined }),
  topic: fc.constantFrom('none', 'none', 'imported'),
  emailSubscriptions: fc.option(mostly(fc.array(emails, { maxLength: 2 }), emails.map((e) => [e, e])), { nil: undefined }),
  httpsSubscriptions: fc.option(mostly(fc.array(urls, { maxLength: 2 }), urls.map((u) => [u, u])), { nil: undefined }),
  metricNamespace: fc.option(namespaces, { nil: undefined }),
  trailKind: fc.constantFrom('trail', 'trail', 'trail', 'trail', 'trail', 'other'),
});

describe('SecurityAlarms over generated props', () => {
  test('every input either throws naming the prop, or gives every CIS alarm an action and passes the pack', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(inputs, (input) => {
        const { app, stack } = propertyStack();
        const trail = new ElectionAuditTrail(stack, 'Trail');
        const props: SecurityAlarmsProps = {
          // A caller without types may hand over the archive instead of the trail.
          trail: input.trailKind === 'trail' ? trail : (trail.archive as unknown as ElectionAuditTrail),
          recordsBuckets: input.recordsBuckets?.map((name, i) => s3.Bucket.fromBucketName(stack, `Records${i}`, name)),
          topic: input.topic === 'imported' ? sns.Topic.fromTopicArn(stack, 'SocTopic', 'arn:aws:sns:us-east-1:111122223333:soc-alerts') : undefined,
          emailSubscriptions: input.emailSubscriptions,
          httpsSubscriptions: input.httpsSubscriptions,
          metricNamespace: input.metricNamespace,
        };
        let alarms: SecurityAlarms | undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'SecurityAlarms', path: 'Test/Alarms' }], props: PROPS }, tally, () => {
          alarms = new SecurityAlarms(stack, 'Alarms', props);
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        // Never silently weaker: one alarm per pattern, each with the topic as its action.
        expect(Object.keys(alarms!.alarms).sort()).toEqual(alarms!.patterns.map((p) => p.name).sort());
        for (const pattern of alarms!.patterns) expect(pattern.pattern.length).toBeLessThanOrEqual(1024);
        // CloudWatch refuses a namespace of blanks only: synth must have said so.
        if (input.metricNamespace !== undefined) expect(input.metricNamespace).toMatch(/\S/);
      }),
      {
        numRuns: 100,
        seed: 20261124,
        // Found by this property, and kept: a blank namespace, a repeated endpoint.
        examples: [
          [{ recordsBuckets: undefined, topic: 'none', emailSubscriptions: undefined, httpsSubscriptions: undefined, metricNamespace: '   ', trailKind: 'trail' }],
          [{ recordsBuckets: [], topic: 'none', emailSubscriptions: ['soc@county.example.gov', 'soc@county.example.gov'], httpsSubscriptions: undefined, metricNamespace: undefined, trailKind: 'trail' }],
        ],
      },
    );
    tally.expectBothBranches(15);
  });
});
