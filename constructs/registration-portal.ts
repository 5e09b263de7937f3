import { Aws, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { DataClass } from '../lib/baseline/data-class';
import { acknowledge } from './defaults/acknowledgments';
import { API_GATEWAY_ACCOUNT, claimAccountSingleton } from './defaults/account-singleton';
import {
  DEFAULT_STAGE_NAME, DEFAULT_SUBMISSION_SCHEMA, DEFAULT_THROTTLING_BURST_LIMIT, DEFAULT_THROTTLING_RATE_LIMIT, hardenedStageOptions,
} from './defaults/api-gateway-defaults';
import { staffUserPoolProps } from './defaults/cognito-defaults';
import { tagDataClass } from './defaults/data-class-tag';
import { hardenedTableProps } from './defaults/dynamodb-defaults';
import { allowCloudWatchLogs, createEncryptedLogGroup } from './defaults/encrypted-log-group';
import { createHardenedKey } from './defaults/kms-defaults';
import { requireEdgeRegion } from './defaults/edge-region';
import { shown, tokenOr, validationError } from './defaults/validate';
import { DEFAULT_ORIGIN_VERIFY_HEADER } from './defaults/waf-defaults';
import { ElectionWebAcl, OriginVerification, WebAclPreset, WebAclScope } from './election-web-acl';
import { checkDomainNames, HardenedStaticSite, StaticSiteOptions, staticSiteOptions } from './hardened-static-site';
import {
  ACCOUNT_THROTTLING_BURST_LIMIT, ACCOUNT_THROTTLING_RATE_LIMIT, MAX_THROTTLING_BURST_LIMIT, MAX_THROTTLING_RATE_LIMIT,
} from '../lib/baseline/api-throttling';
import { ValidationErrorCode } from '../lib/validation-error';

/** Steady rate and burst of the API stage. */
export interface ApiThrottling {
  /** Steady requests per second, more than 0. */
  readonly rateLimit: number;
  /** Requests absorbed at once: a whole number, at least `rateLimit` (a smaller bucket throttles below the rate). */
  readonly burstLimit: number;
}

/**
 * Properties of a RegistrationPortal. The site options (`contentSecurityPolicy`, `cacheTtl`,
 * `priceClass`, `domainNames` with `certificate`, `accessLogsBucket`) go to its HardenedStaticSite,
 * as on the results site. There is no `errorPagePath`: CloudFront's custom error responses are
 * distribution-wide, so an error page would also replace the answers of `/api/*` (a WAF block's
 * 403, the function's JSON 403 or 404) with HTML the registration page cannot read.
 * A missing page answers S3's 403.
 */
export interface RegistrationPortalProps extends StaticSiteOptions {
  /**
   * The agency's function behind the API, best an `ElectionFunction`'s `function`: it receives
   * each validated submission (Lambda proxy event) and stores it in `table`, whose name it reads
   * from the environment variable `TABLE_NAME`, which the portal sets on a `lambda.Function` (an
   * imported function, alias or version must set it itself). It is granted `dynamodb:PutItem` and
   * the table key through DynamoDB only: no GetItem, Scan, Query, Update or Delete, so the
   * public method's backend can read no voter's record back, and a compromised function can
   * neither dump the voter file (Illinois, 2016) nor erase it (ransomware)
   * (ElectionBaseline-ApiGatewayNoPublicPiiRead fails a public method whose function can read it).
   * It should write with `attribute_not_exists(submissionId)` so no submission is overwritten.
   */
  readonly handler: lambda.IFunction;

  /**
   * The CLOUDFRONT web ACL in front of the site and the API: the one that sees voters'
   * own addresses, so the place for IP-based decisions. It must use the `portal` preset.
   *
   * Account creation fraud prevention (ACFP) is off by default: it refuses submissions that carry
   * no AWS WAF token, so it works only once the registration page loads the AWS WAF JavaScript
   * integration SDK and sends the token. Then give a web ACL made with
   * `accountCreationFraudPath: '/api/registrations'` and `registrationPagePath` (the page that
   * serves the form, such as `/register.html`), paths as viewers see them. The site's CSP then
   * allows the SDK (`https://*.awswaf.com` in script-src and connect-src), added to a given
   * `contentSecurityPolicy` too.
   * @default - a new `portal` ElectionWebAcl: SQLi (Illinois, 2016), anonymous-IP and
   * IP-reputation lists (CISA AA20-304A), per-IP rate limit (election-day DDoS, 2022); no ACFP
   */
  readonly webAcl?: ElectionWebAcl;

  /**
   * The REGIONAL web ACL on the API stage. It must use the `portal` preset and have
   * `originVerification` (its header and secret are the ones CloudFront sends): the stage's
   * execute-api endpoint stays reachable without CloudFront, and this web ACL sees CloudFront's
   * addresses, not voters'. Give `originVerifySecret` or this, not both.
   * @default - a new `portal` ElectionWebAcl with origin verification on `originVerifySecret`:
   * it blocks every request that did not come through the distribution, rate-limits by the
   * forwarded viewer address and keeps the SQLi, Common and KnownBadInputs groups judging content;
   * no ACFP (see `webAcl`)
   */
  readonly apiWebAcl?: ElectionWebAcl;

  /**
   * The secret CloudFront sends to the API in header `x-origin-verify`, and the API web ACL
   * requires. Its whole value is the header value: letters and digits, 32 to 50 (a WAF search string takes at most 200 bytes, in older documentation 50). To rotate,
   * give a new secret and deploy: CloudFormation copies the value into the distribution and the
   * web ACL only when the reference changes. Requests in flight while the distribution
   * deploys (a few minutes) may be refused, so rotate outside registration deadlines.
   * @default - a new secret of 48 letters and digits generated at deploy, encrypted with its own
   * rotating customer-managed key
   */
  readonly originVerifySecret?: secretsmanager.ISecret;

  /**
   * Stage-wide throttling, on every method: at most 1,000 requests per second and a burst of
   * 2,000 (the ElectionBaseline-ApiGatewayThrottling ceiling; near the account's 10,000/5,000
   * a stage limit throttles nothing).
   * @default - 100 requests per second, burst 200: ten times a large state's deadline-day
   * peak, yet a flood that passes WAF cannot fill the table or take the account's shared
   * API Gateway quota (NIST SC-5)
   */
  readonly apiThrottling?: ApiThrottling;

  /**
   * Whether to create a Cognito user pool for election staff who review
   * registrations: TOTP MFA required, threat protection enforced, no self
   * sign-up, 14-character passwords, recovery by verified email only,
   * deletion protection, RETAIN.
   * @default false
   */
  readonly staffSignIn?: boolean;

  /**
   * The customer-managed key of the submissions table.
   * @default - a new key with yearly rotation, kept on stack delete, grants only for AWS
   * services (NIST SC-12, SC-28)
   */
  readonly tableEncryptionKey?: kms.IKey;

  /**
   * The JSON Schema (draft 4) a submission body must match; API Gateway
   * refuses anything else with 400 before the function runs (NIST SI-10).
   *
   * It must be at least minimally meaningful, or validation is a no-op that lets injection
   * payloads and junk fields through to the function and the table (Illinois, 2016): `type`
   * `object`, `additionalProperties: false` (no unlisted fields), and a non-empty `required`
   * list whose every name is described in `properties` (otherwise no body could match). A schema
   * without these throws at synth.
   * @default - names, date of birth, residential address, driver's licence or SSN
   * last four, email, citizenship and age attestations; lengths and formats checked,
   * extra fields refused
   */
  readonly submissionSchema?: apigateway.JsonSchema;

  /**
   * The API stage name: letters, digits and underscores, 1 to 64.
   * @default 'v1'
   */
  readonly stageName?: string;

  /**
   * Whether to set this Region's API Gateway account CloudWatch role, without
   * which execution and access logging cannot be turned on. It is one setting
   * per account and Region: turn it off when another stack already sets it
   * (deploy that stack first). Two portals that both set it for the same
   * account and Region throw at synth, naming both paths; an env-agnostic
   * stack is compared only with itself, since its account is known only at deploy.
   * The role's policy lets API Gateway write to this account's log groups only.
   * @default true
   */
  readonly configureApiGatewayAccount?: boolean;
}

/**
 * Letters and digits only: a header value and a WAF search string take them as they are. 48 of
 * them (about 285 bits) fit the 50-byte search-string limit WAF once had as well as today's 200.
 */
const ORIGIN_VERIFY_SECRET_LENGTH = 48;

/** Where the API is mounted, under the stage, and so under CloudFront. */
const API_PATH = 'api';
const REGISTRATIONS_PATH = 'registrations';
const STAGE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/**
 * Online voter registration: a static front end on CloudFront, and under
 * `/api/*` of the same distribution a REGIONAL REST API whose
 * `POST /api/registrations` validates each submission and hands it to the
 * agency's function, which stores it in a DynamoDB table of class `voter-pii`.
 *
 * Two web ACLs: the CLOUDFRONT one in front of everything, which sees voters'
 * addresses, and a REGIONAL one on the API stage, since the execute-api endpoint
 * stays reachable directly. CloudFront sends a secret header (`x-origin-verify`)
 * to the API, and the REGIONAL web ACL refuses every request without it. A staff
 * user pool gets a third, REGIONAL web ACL of its own: browsers call Cognito directly.
 * The stage logs every request as JSON to an encrypted log group, traces with
 * X-Ray, throttles, and logs execution errors without data trace (which would
 * copy voter PII into the logs).
 *
 * Its stack must deploy to us-east-1: the CLOUDFRONT web ACL and CloudFront log
 * delivery exist only there (env-agnostic stacks get a deploy-time assertion).
 */
export class RegistrationPortal extends Construct {
  /** The REST API. */
  public readonly api: apigateway.RestApi;
  /** Submissions, class `voter-pii`. */
  public readonly table: dynamodb.Table;
  /** The key of the table. */
  public readonly tableKey: kms.IKey;
  /** The static site: bucket, distribution, headers policy. */
  public readonly site: HardenedStaticSite;
  /** The CloudFront distribution serving the site and `/api/*`. */
  public readonly distribution: cloudfront.Distribution;
  /** The front-end content bucket. */
  public readonly bucket: s3.IBucket;
  /** The CLOUDFRONT web ACL. */
  public readonly webAcl: ElectionWebAcl;
  /** The REGIONAL web ACL on the API stage. */
  public readonly apiWebAcl: ElectionWebAcl;
  /** The header and secret CloudFront sends to the API. */
  public readonly originVerification: OriginVerification;
  /** The REGIONAL web ACL on the staff user pool, when `staffSignIn` is true. */
  public readonly userPoolWebAcl?: ElectionWebAcl;
  /** The association of `apiWebAcl` with the API stage. */
  public readonly apiWebAclAssociation: wafv2.CfnWebACLAssociation;
  /** The staff user pool, when `staffSignIn` is true. */
  public readonly userPool?: cognito.UserPool;
  /** The API's access log group. */
  public readonly accessLogGroup: logs.LogGroup;
  /** The API's execution log group, created ahead of API Gateway so it is encrypted and expires. */
  public readonly executionLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RegistrationPortalProps) {
    super(scope, id);
    const settings = checkedSettings(this, props);
    requireEdgeRegion(this, 'stack', 'is deployed',
      'its CLOUDFRONT web ACL and CloudFront access log delivery exist only in us-east-1');

    this.tableKey = props.tableEncryptionKey ?? createHardenedKey(this, 'TableKey', `Encrypts voter registration submissions of ${this.node.path}`);
    this.table = new dynamodb.Table(this, 'Submissions', hardenedTableProps({
      encryptionKey: this.tableKey,
      partitionKey: { name: 'submissionId', type: dynamodb.AttributeType.STRING },
    }));
    tagDataClass(this.table, DataClass.VOTER_PII);
    acknowledge(this.table, {
      id: 'NIST.800.53.R5-DynamoDBInBackupPlan',
      reason: 'An AWS Backup plan needs a vault and a recovery account the agency chooses; in-Region recovery is covered ' +
        'by 35-day point-in-time recovery, deletion protection and RETAIN (NIST CP-9, CP-10).',
    });
    this.grantHandlerTableAccess(props.handler);
    if (props.handler instanceof lambda.Function) props.handler.addEnvironment('TABLE_NAME', this.table.tableName);

    const logKey = createHardenedKey(this, 'ApiLogKey', `Encrypts API Gateway logs of ${this.node.path}`);
    allowCloudWatchLogs(logKey);
    this.accessLogGroup = createEncryptedLogGroup(this, 'AccessLogs', { encryptionKey: logKey });
    this.api = this.createApi(props, settings, this.accessLogGroup);
    this.executionLogGroup = createEncryptedLogGroup(this, 'ExecutionLogs', {
      encryptionKey: logKey,
      logGroupName: `API-Gateway-Execution-Logs_${this.api.restApiId}/${settings.stageName}`,
    });
    this.api.deploymentStage.node.addDependency(this.executionLogGroup);
    if (props.configureApiGatewayAccount ?? true) this.configureApiGatewayAccount();

    this.apiWebAcl = props.apiWebAcl ?? new ElectionWebAcl(this, 'ApiWebAcl', {
      scope: WebAclScope.REGIONAL,
      preset: WebAclPreset.PORTAL,
      originVerification: { headerName: DEFAULT_ORIGIN_VERIFY_HEADER, secret: props.originVerifySecret ?? this.createOriginVerifySecret() },
    });
    // checkedSettings made sure a given apiWebAcl has one.
    this.originVerification = this.apiWebAcl.originVerification!;
    this.apiWebAclAssociation = this.apiWebAcl.associate(`${this.node.id}StageAssociation`, this.api.deploymentStage.stageArn);

    if (props.staffSignIn) {
      this.userPool = new cognito.UserPool(this, 'StaffUserPool', staffUserPoolProps());
      // Browsers call Cognito directly, without the origin header: the pool needs a web ACL that judges their own addresses.
      this.userPoolWebAcl = new ElectionWebAcl(this, 'StaffWebAcl', { scope: WebAclScope.REGIONAL, preset: WebAclPreset.PORTAL });
      this.userPoolWebAcl.associate(`${this.node.id}UserPoolAssociation`, this.userPool.userPoolArn);
    }

    this.webAcl = props.webAcl ?? new ElectionWebAcl(this, 'WebAcl', { scope: WebAclScope.CLOUDFRONT, preset: WebAclPreset.PORTAL });
    this.site = new HardenedStaticSite(this, 'Site', {
      webAcl: this.webAcl,
      ...staticSiteOptions(props),
      additionalBehaviors: { [`/${API_PATH}/*`]: this.apiBehavior() },
    });
    this.distribution = this.site.distribution;
    this.bucket = this.site.bucket;
  }

  /** Lets `grantee` publish front-end content to the site bucket. */
  public grantPublish(grantee: iam.IGrantable): iam.Grant {
    return this.site.grantPublish(grantee);
  }

  private createApi(props: RegistrationPortalProps, settings: CheckedSettings, accessLogGroup: logs.ILogGroup): apigateway.RestApi {
    const api = new apigateway.RestApi(this, 'Api', {
      description: `Online voter registration API (${this.node.path})`,
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      // The account-level role is set below with a least-privilege policy, or left to the agency.
      cloudWatchRole: false,
      deployOptions: hardenedStageOptions({ stageName: settings.stageName, accessLogGroup, ...settings.throttling }),
    });
    const model = api.addModel('Submission', {
      contentType: 'application/json',
      description: 'A voter registration submission',
      schema: props.submissionSchema ?? DEFAULT_SUBMISSION_SCHEMA,
    });
    const validator = api.addRequestValidator('ValidateSubmission', { validateRequestBody: true, validateRequestParameters: true });
    const registrations = api.root.addResource(API_PATH).addResource(REGISTRATIONS_PATH);
    // CDK scopes the invoke permission to this method's ARN (SourceArn); no test-invoke permission.
    const submit = registrations.addMethod('POST', new apigateway.LambdaIntegration(props.handler, { allowTestInvoke: false }), {
      requestValidator: validator,
      requestModels: { 'application/json': model },
    });
    acknowledge(submit,
      {
        id: 'AwsSolutions-APIG4',
        reason: 'Voters register without an account, so the registration method is public by design; it is guarded by two ' +
          'web ACLs (SQLi, IP reputation, anonymous IP, rate limit; origin verification on the API), request validation and stage throttling.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'Voters register without an account, so no Cognito authorizer can apply to the registration method; it is ' +
          'guarded by two web ACLs, request validation and stage throttling.',
      },
    );
    acknowledge(api.deploymentStage,
      {
        id: 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
        reason: 'The API takes one-off POST submissions of voter PII: a cache would serve nothing and would only keep PII ' +
          'in another store. Caching is off here and in CloudFront (CachingDisabled policy on /api/*).',
      },
      {
        id: 'NIST.800.53.R5-APIGWSSLEnabled',
        reason: 'A stage client certificate authenticates API Gateway to HTTP backends; the only backend here is a Lambda ' +
          'function invoked through the IAM-signed Lambda API, so there is no backend TLS endpoint to authenticate.',
      },
    );
    return api;
  }

  /** The secret CloudFront proves itself to the API with: generated at deploy, under its own key, never in the template. */
  private createOriginVerifySecret(): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: `Header value CloudFront sends to the registration API of ${this.node.path}; its web ACL refuses requests without it`,
      encryptionKey: createHardenedKey(this, 'OriginVerifyKey', `Encrypts the origin-verify secret of ${this.node.path}`),
      generateSecretString: { passwordLength: ORIGIN_VERIFY_SECRET_LENGTH, excludePunctuation: true, includeSpace: false, requireEachIncludedType: true },
    });
    const reason = 'CloudFormation copies the origin-verify value into the CloudFront origin header and the API web ACL at deploy ' +
      '(dynamic reference); a Secrets Manager rotation would change only the stored copy and nothing that checks it. It is ' +
      'rotated by giving originVerifySecret a new secret and deploying; the value is 48 random letters and digits, redacted from WAF logs.';
    acknowledge(secret, { id: 'AwsSolutions-SMG4', reason }, { id: 'NIST.800.53.R5-SecretsManagerRotationEnabled', reason });
    return secret;
  }

  /** The CloudFront behavior of `/api/*`: no caching, every method, viewer headers but Host, the origin-verify header, HTTPS only. */
  private apiBehavior(): cloudfront.BehaviorOptions {
    const { headerName, secret } = this.originVerification;
    return {
      // A dynamic reference: CloudFormation resolves the value at deploy; CloudFront replaces any viewer-sent copy.
      origin: new origins.RestApiOrigin(this.api, { customHeaders: { [headerName]: secret.secretValue.unsafeUnwrap() } }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Submissions and their answers are per voter: never cached, never served to someone else.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
  }

  /** PutItem on the table (write only: the method is public), and the table key through DynamoDB only, in a managed policy on the handler's role. */
  private grantHandlerTableAccess(handler: lambda.IFunction): void {
    const statements = [
      new iam.PolicyStatement({
        sid: 'StoreSubmissions',
        actions: ['dynamodb:PutItem'],
        resources: [this.table.tableArn],
      }),
      new iam.PolicyStatement({
        sid: 'UseTableKeyThroughDynamoDb',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: [this.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Aws.REGION}.amazonaws.com` } },
      }),
    ];
    if (!handler.role) {
      for (const statement of statements) handler.addToRolePolicy(statement);
      return;
    }
    // A customer-managed policy rather than the role's inline default policy (NIST AC-6; IAMNoInlinePolicy).
    new iam.ManagedPolicy(this, 'HandlerTableAccess', {
      description: `Lets the registration handler store submissions of ${this.node.path}, without reading them back`,
      statements,
      roles: [handler.role],
    });
  }

  /**
   * The Region's API Gateway CloudWatch role: write to this account's log
   * groups, nothing else (the AWS managed policy also reads and filters every log).
   */
  private configureApiGatewayAccount(): void {
    claimAccountSingleton(this, API_GATEWAY_ACCOUNT);
    const role = new iam.Role(this, 'ApiGatewayCloudWatchRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'Lets API Gateway write execution and access logs of this account',
    });
    const policy = new iam.ManagedPolicy(this, 'ApiGatewayCloudWatchPolicy', {
      description: 'API Gateway execution and access logging of this account, write only',
      statements: [new iam.PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        resources: [`arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`],
      })],
      roles: [role],
    });
    acknowledge(policy, {
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:*]`,
      reason: 'The API Gateway CloudWatch role is one per account and Region and serves every REST API in it, whose log ' +
        'groups API Gateway names itself; the policy is write-only and limited to this account and Region.',
    });
    // The setting outlives the stack: other APIs of the account log through the same role.
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    policy.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const account = new apigateway.CfnAccount(this, 'ApiGatewayAccount', { cloudWatchRoleArn: role.roleArn });
    account.node.addDependency(policy);
    this.api.deploymentStage.node.addDependency(account);
  }
}

interface CheckedSettings {
  readonly stageName: string;
  readonly throttling: { readonly rateLimit: number; readonly burstLimit: number };
}

function checkedSettings(scope: Construct, props: RegistrationPortalProps): CheckedSettings {
  const fail: Fail = (code, prop, given, allowed) => validationError(scope, code, prop, given, allowed);
  if (!props.handler) throw fail(ValidationErrorCode.MISSING_VALUE, 'handler', 'is missing', 'give the lambda.IFunction that stores each submission');
  checkWebAcl(props.webAcl, 'webAcl', WebAclScope.CLOUDFRONT, fail);
  checkWebAcl(props.apiWebAcl, 'apiWebAcl', WebAclScope.REGIONAL, fail);
  if (props.apiWebAcl && !props.apiWebAcl.originVerification) {
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'apiWebAcl', 'has no originVerification',
      'the API sits behind CloudFront: make the web ACL with originVerification, or the execute-api endpoint stays open and its IP rules judge CloudFront\'s addresses');
  }
  if (props.apiWebAcl && props.originVerifySecret) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'originVerifySecret', 'is set while apiWebAcl is given', 'give one: a given apiWebAcl brings its own originVerification secret');
  }
  const stageName = props.stageName ?? DEFAULT_STAGE_NAME;
  if (Token.isUnresolved(stageName) || !STAGE_NAME.test(stageName)) {
    throw fail(tokenOr(stageName, ValidationErrorCode.INVALID_VALUE), 'stageName', `is ${shown(stageName)}`, 'it must be a literal of 1 to 64 letters, digits and underscores');
  }
  checkDomainNames(scope, props.domainNames);
  if (props.submissionSchema !== undefined) checkSubmissionSchema(props.submissionSchema, fail);
  if (((props.domainNames?.length ?? 0) > 0) !== (props.certificate !== undefined)) {
    throw fail(ValidationErrorCode.MISSING_VALUE, props.certificate ? 'domainNames' : 'certificate', 'is missing', 'give domainNames and an ACM certificate in us-east-1 that covers them together, or neither');
  }
  return { stageName, throttling: checkedThrottling(props.apiThrottling, fail) };
}

type Fail = (code: ValidationErrorCode, prop: string, given: string, allowed: string) => Error;

function checkWebAcl(acl: ElectionWebAcl | undefined, prop: string, scope: WebAclScope, fail: Fail): void {
  if (!acl) return;
  if (acl.scope !== scope) throw fail(ValidationErrorCode.WRONG_PLACEMENT, prop, `has scope ${acl.scope}`, `it must be a ${scope} web ACL`);
  if (acl.preset !== WebAclPreset.PORTAL) {
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, prop, `has preset '${acl.preset}'`, "it must use the 'portal' preset: the site takes voter PII (SQLi and anonymous-IP groups)");
  }
}

function checkedThrottling(throttling: ApiThrottling | undefined, fail: Fail): CheckedSettings['throttling'] {
  if (!throttling) return { rateLimit: DEFAULT_THROTTLING_RATE_LIMIT, burstLimit: DEFAULT_THROTTLING_BURST_LIMIT };
  const { rateLimit, burstLimit } = throttling;
  const literal = (n: number) => typeof n === 'number' && !Token.isUnresolved(n) && Number.isFinite(n);
  const notLiteral = 'it must be a literal number, so the stage\'s throttling can be checked at synth';
  if (Token.isUnresolved(rateLimit)) throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'apiThrottling.rateLimit', 'is a token', notLiteral);
  if (Token.isUnresolved(burstLimit)) throw fail(ValidationErrorCode.TOKEN_NOT_ALLOWED, 'apiThrottling.burstLimit', 'is a token', notLiteral);
  if (!literal(rateLimit) || rateLimit <= 0) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'apiThrottling.rateLimit', `is ${String(rateLimit)}`, 'it must be a literal number of requests per second above 0');
  }
  if (!literal(burstLimit) || !Number.isInteger(burstLimit) || burstLimit <= 0) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'apiThrottling.burstLimit', `is ${String(burstLimit)}`, 'it must be a literal whole number of requests above 0');
  }
  if (rateLimit > MAX_THROTTLING_RATE_LIMIT) {
    throw fail(ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'apiThrottling.rateLimit', `is ${rateLimit}`, `it must be at most ${MAX_THROTTLING_RATE_LIMIT} requests per second: near the account's ${ACCOUNT_THROTTLING_RATE_LIMIT.toLocaleString('en-US')} it throttles nothing`);
  }
  if (burstLimit > MAX_THROTTLING_BURST_LIMIT) {
    throw fail(ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'apiThrottling.burstLimit', `is ${burstLimit}`, `it must be at most ${MAX_THROTTLING_BURST_LIMIT} requests: near the account's ${ACCOUNT_THROTTLING_BURST_LIMIT.toLocaleString('en-US')} it throttles nothing`);
  }
  if (burstLimit < rateLimit) {
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'apiThrottling.burstLimit', `is ${burstLimit}, below rateLimit ${rateLimit}`, 'it must be at least rateLimit: a smaller bucket throttles below the stated rate');
  }
  return { rateLimit, burstLimit };
}

/**
 * A schema that validates something: an object with named fields, at least one of them
 * required, and nothing else. `{}` or an open object would let any body through.
 */
function checkSubmissionSchema(schema: apigateway.JsonSchema, fail: Fail): void {
  const allowed = 'give a JSON Schema with type object, additionalProperties false and a non-empty required list, each required name described in properties, ' +
    'or leave it unset for the default voter registration schema: an empty or open schema makes request validation a no-op';
  if (schema.type !== apigateway.JsonSchemaType.OBJECT) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'submissionSchema.type', `is ${schema.type === undefined ? 'missing' : shown(JSON.stringify(schema.type))}`, allowed);
  }
  if (schema.additionalProperties !== false) throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'submissionSchema.additionalProperties', 'is not false', allowed);
  const required = schema.required ?? [];
  if (!Array.isArray(required) || required.length === 0) throw fail(ValidationErrorCode.MISSING_VALUE, 'submissionSchema.required', 'is empty', allowed);
  const undescribed = required.filter((name) => schema.properties?.[name] === undefined);
  if (undescribed.length > 0) {
    throw fail(ValidationErrorCode.INVALID_VALUE, 'submissionSchema.properties', `does not describe required ${undescribed.map((n) => shown(n)).join(', ')}`,
      `${allowed} (with additionalProperties false no body could carry an undescribed field)`);
  }
}
