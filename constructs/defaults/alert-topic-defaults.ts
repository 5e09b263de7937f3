import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { createHardenedKey } from './kms-defaults';
import { ValidationErrorCode } from '../../lib/validation-error';
import { validationError } from './validate';

/**
 * The security alert topic on one screen: a customer-managed key that
 * CloudWatch alarms and EventBridge may encrypt with (an alert topic under
 * alias/aws/sns drops every alarm silently, since AWS services cannot use
 * that key), a TLS-only topic policy, and publish rights for this account's
 * alarms only (NIST SI-4(5), IR-6, SC-8, SC-28).
 */
export function createAlertTopic(scope: Construct, id: string, displayName: string): sns.Topic {
  const key = createHardenedKey(scope, `${id}Key`, `Encrypts security alerts of ${scope.node.path}`);
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AlarmAndFindingPublishersEncrypt',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')],
    actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
    resources: ['*'],
  }));
  const topic = new sns.Topic(scope, id, { displayName, masterKey: key, enforceSSL: true });
  const stack = Stack.of(scope);
  // A topic policy replaces SNS's default one, so CloudWatch alarms need their own grant, pinned to this account's alarms.
  topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchAlarmsPublish',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*` },
    },
  }));
  return topic;
}

export const EMAIL = /^[^\s@"<>(),;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * Subscribes checked email addresses and HTTPS endpoints to `topic`. Plain
 * HTTP would carry alerts in clear text and is refused; so are URLs with
 * credentials in them, which would sit in the template.
 */
export function subscribeAlertRecipients(
  scope: Construct,
  topic: sns.ITopic,
  emails: readonly string[] = [],
  urls: readonly string[] = [],
): void {
  for (const [prop, list] of [['emailSubscriptions', emails], ['httpsSubscriptions', urls]] as const) {
    const repeated = list.find((entry, i) => list.indexOf(entry) !== i);
    // Each endpoint is one subscription; a second would collide with the first.
    if (repeated !== undefined) throw validationError(scope, ValidationErrorCode.INVALID_VALUE, prop, `lists '${repeated}' twice`, 'give each endpoint once');
  }
  for (const email of emails) {
    if (Token.isUnresolved(email)) throw validationError(scope, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'emailSubscriptions', 'contains a token', 'give literal addresses so they can be checked at synth');
    if (!EMAIL.test(email)) throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'emailSubscriptions', `contains '${email}'`, 'give email addresses such as soc@county.example.gov');
    topic.addSubscription(new subscriptions.EmailSubscription(email));
  }
  for (const url of urls) {
    if (Token.isUnresolved(url)) throw validationError(scope, ValidationErrorCode.TOKEN_NOT_ALLOWED, 'httpsSubscriptions', 'contains a token', 'give literal https:// URLs so they can be checked at synth');
    if (!isPlainHttpsUrl(url)) {
      throw validationError(scope, ValidationErrorCode.INVALID_VALUE, 'httpsSubscriptions', `contains '${url}'`, 'give https:// URLs with a host and no user name or password (alerts must not travel in clear text)');
    }
    topic.addSubscription(new subscriptions.UrlSubscription(url, { protocol: sns.SubscriptionProtocol.HTTPS }));
  }
}

function isPlainHttpsUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}
