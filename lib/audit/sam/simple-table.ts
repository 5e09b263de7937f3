import { isObject, JsonObject } from '../../baseline/intrinsics';
import { passThroughAttributes, SamOutput, SamResource, tagList } from './output';

const ATTRIBUTE_TYPES: Record<string, string> = { String: 'S', Number: 'N', Binary: 'B' };

/**
 * `AWS::Serverless::SimpleTable` as SAM expands it (`SamSimpleTable`): an
 * `AWS::DynamoDB::Table` under the same logical id, keyed by `PrimaryKey`
 * (`id` of type String by default), `ProvisionedThroughput` or else
 * `BillingMode: PAY_PER_REQUEST`, and `SSESpecification`,
 * `PointInTimeRecoverySpecification`, `TableName` and `Tags` as written. A
 * SimpleTable cannot set deletion protection, so the table has none.
 */
export function expandSimpleTable(out: SamOutput, table: SamResource): void {
  const p = table.properties;
  let key: JsonObject = { AttributeName: 'id', AttributeType: 'S' };
  if (p.PrimaryKey !== undefined) {
    if (!isObject(p.PrimaryKey) || p.PrimaryKey.Name === undefined || p.PrimaryKey.Type === undefined) throw out.refuse(table, 'PrimaryKey needs Name and Type');
    const type = ATTRIBUTE_TYPES[String(p.PrimaryKey.Type)];
    if (!type) throw out.refuse(table, `PrimaryKey.Type ${JSON.stringify(p.PrimaryKey.Type)} must be String, Number or Binary`);
    key = { AttributeName: p.PrimaryKey.Name, AttributeType: type };
  }
  const tags = tagList(p.Tags);
  out.add(table.id, table.id, 'AWS::DynamoDB::Table', {
    AttributeDefinitions: [key],
    KeySchema: [{ AttributeName: key.AttributeName, KeyType: 'HASH' }],
    PointInTimeRecoverySpecification: p.PointInTimeRecoverySpecification,
    ProvisionedThroughput: p.ProvisionedThroughput,
    BillingMode: p.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : undefined,
    SSESpecification: p.SSESpecification,
    TableName: p.TableName,
    Tags: tags.length > 0 ? tags : undefined,
  }, passThroughAttributes(table, true));
}
