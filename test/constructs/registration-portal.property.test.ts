import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as fc from 'fast-check';
import { ElectionWebAcl, WebAclPreset, WebAclScope } from '../../constructs/election-web-acl';
import { RegistrationPortal, RegistrationPortalProps } from '../../constructs/registration-portal';
import { registrationHandler } from '../helpers/handler-fixtures';
import { buildOrReject, mostly, numbersAround, oddString, propertyStack, sometimes, Tally } from '../helpers/property-harness';
import { DNS_NAME, domainNames } from '../helpers/site-arbitraries';

const PROPS = [
  'handler', 'webAcl', 'apiWebAcl', 'originVerifySecret', 'apiThrottling.rateLimit', 'apiThrottling.burstLimit', 'staffSignIn', 'tableEncryptionKey',
  'domainNames', 'certificate', 'accessLogsBucket', 'submissionSchema.type', 'submissionSchema.additionalProperties', 'submissionSchema.required',
  'submissionSchema.properties', 'stageName', 'configureApiGatewayAccount',
];

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:origin-verify-AbCdEf';
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012';

/** A strict schema of the agency's own: an object with named fields and nothing else. */
const STRICT_SCHEMA: apigateway.JsonSchema = {
  schema: apigateway.JsonSchemaVersion.DRAFT4,
  type: apigateway.JsonSchemaType.OBJECT,
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: apigateway.JsonSchemaType.STRING, maxLength: 100 } },
};

/** Schemas that would make validation a no-op (or refuse every body), which the portal must refuse. */
const SCHEMAS: Record<string, apigateway.JsonSchema | undefined> = {
  default: undefined,
  strict: STRICT_SCHEMA,
  empty: {},
  open: { ...STRICT_SCHEMA, additionalProperties: true },
  undescribed: { ...STRICT_SCHEMA, required: ['name', 'ssn'] },
};

const inputs = fc.record({
  region: fc.constantFrom('us-east-1', 'us-east-1', 'us-east-1', 'us-east-1', 'eu-west-1', undefined),
  handler: fc.constantFrom(...Array<string>(9).fill('function'), 'missing'),
  webAcl: fc.constantFrom(...Array<string>(6).fill('none'), 'cloudfront-portal', 'cloudfront-portal', 'cloudfront-results', 'regional-portal'),
  apiWebAcl: fc.constantFrom(...Array<string>(6).fill('none'), 'regional-verified', 'regional-verified', 'regional-unverified', 'regional-results', 'cloudfront-portal'),
  originVerifySecret: fc.constantFrom(false, false, false, false, false, true),
  apiThrottling: sometimes(fc.record({
    // Mostly inside the rule's ceilings (1,000 rps, burst 2,000), with the edges around them and the account's 10,000.
    rateLimit: mostly(fc.integer({ min: 1, max: 1_000 }), numbersAround([0, 1, 100, 1_000, 10_000])),
    burstLimit: mostly(fc.integer({ min: 1_000, max: 2_000 }), numbersAround([0, 1, 100, 200, 2_000, 5_000])),
  })),
  staffSignIn: sometimes(fc.boolean()),
  tableEncryptionKey: fc.boolean(),
  domains: sometimes(fc.record({ names: mostly(fc.array(domainNames, { minLength: 1, maxLength: 2 }), fc.constant<string[]>([])), certificate: fc.boolean() })),
  submissionSchema: mostly(fc.constantFrom('default', 'default', 'strict'), fc.constantFrom('empty', 'open', 'undescribed')),
  stageName: sometimes(mostly(fc.stringMatching(/^[A-Za-z0-9_]{1,64}$/), fc.oneof(fc.constantFrom('', 'v-1', 'v 1', 'a'.repeat(65), 'étape'), oddString))),
  configureApiGatewayAccount: sometimes(fc.boolean()),
});

type Input = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

function webAcl(stack: Stack, id: string, kind: string): ElectionWebAcl | undefined {
  if (kind === 'none') return undefined;
  const scope = kind.startsWith('regional') ? WebAclScope.REGIONAL : WebAclScope.CLOUDFRONT;
  const preset = kind.endsWith('results') ? WebAclPreset.RESULTS : WebAclPreset.PORTAL;
  const originVerification = kind === 'regional-verified'
    ? { headerName: 'x-origin-verify', secret: secretsmanager.Secret.fromSecretCompleteArn(stack, `${id}Secret`, SECRET_ARN) }
    : undefined;
  return new ElectionWebAcl(stack, id, { scope, preset, originVerification });
}

function portalProps(stack: Stack, input: Input): RegistrationPortalProps {
  const certificate = input.domains?.certificate ? acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN) : undefined;
  return {
    handler: (input.handler === 'function' ? registrationHandler(stack).function : undefined) as lambda.IFunction,
    webAcl: webAcl(stack, 'GivenAcl', input.webAcl),
    apiWebAcl: webAcl(stack, 'GivenApiAcl', input.apiWebAcl),
    originVerifySecret: input.originVerifySecret ? secretsmanager.Secret.fromSecretCompleteArn(stack, 'OriginSecret', SECRET_ARN) : undefined,
    apiThrottling: input.apiThrottling,
    staffSignIn: input.staffSignIn,
    tableEncryptionKey: input.tableEncryptionKey ? new kms.Key(stack, 'TableKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN }) : undefined,
    domainNames: input.domains?.names,
    certificate,
    submissionSchema: SCHEMAS[input.submissionSchema],
    stageName: input.stageName,
    configureApiGatewayAccount: input.configureApiGatewayAccount,
  };
}

describe('RegistrationPortal over generated props', () => {
  test('every input either throws naming the prop, or is the portal asked for and passes the pack', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(inputs, (input) => {
        const { app, stack } = propertyStack(input.region);
        let props: RegistrationPortalProps;
        try {
          props = portalProps(stack, input);
        } catch {
          return; // A given CLOUDFRONT web ACL outside us-east-1 fails on its own, before the portal.
        }
        let portal: RegistrationPortal | undefined;
        // The portal checks the Region and domain names itself, before the web ACLs and the site it creates.
        const speakers = [
          { construct: 'RegistrationPortal', path: 'Test/Portal' },
          { construct: 'HardenedStaticSite', path: 'Test/Portal/Site' },
        ];
        const violations = buildOrReject(app, stack, { speakers, props: [...PROPS, 'stack', 'scope'] }, tally, () => {
          portal = new RegistrationPortal(stack, 'Portal', props);
        });
        if (violations === undefined) return;
        expect(['default', 'strict']).toContain(input.submissionSchema);
        for (const name of input.domains?.names ?? []) if (!Token.isUnresolved(name)) expect(name).toMatch(DNS_NAME);
        expect(input.region ?? 'us-east-1').toBe('us-east-1');
        expect(violations).toEqual([]);
        // Never silently weaker: the throttling asked for, the given web ACLs in place, PII never cached.
        const stage = stack.resolve((portal!.api.deploymentStage.node.defaultChild as apigateway.CfnStage).methodSettings) as Array<Record<string, unknown>>;
        const rate = input.apiThrottling?.rateLimit ?? 100;
        expect(stage.every((s) => s.throttlingRateLimit === rate)).toBe(true);
        if (props.webAcl) expect(portal!.webAcl).toBe(props.webAcl);
        if (props.apiWebAcl) expect(portal!.apiWebAcl).toBe(props.apiWebAcl);
        expect(portal!.webAcl.preset).toBe(WebAclPreset.PORTAL);
        expect(portal!.apiWebAcl.preset).toBe(WebAclPreset.PORTAL);
        expect(portal!.userPool !== undefined).toBe(input.staffSignIn === true);
      }),
      { numRuns: 60, seed: 20261125 },
    );
    tally.expectBothBranches(8);
    if (process.env.PROPERTY_VERBOSE) console.log(tally.built, tally.rejected, [...tally.messages].join('\n'));
  });
});
