import { AttachmentKind, attachedUnder, attachedUnderAny, oncePerTemplate } from '../../lib/pack/attachments';
import { referredLogicalIds, refersTo } from '../../lib/pack/references';
import { StackTemplate, TemplateResource } from '../../lib/pack/template-model';

/** The index of what is attached to a resource: built once per template and kind, never per lookup. */

const template = () => StackTemplate.fromResources({
  Group: { Type: 'AWS::Logs::LogGroup' },
  Other: { Type: 'AWS::Logs::LogGroup' },
  FilterA: { Type: 'AWS::Logs::MetricFilter', Properties: { LogGroupName: { Ref: 'Group' } } },
  FilterB: { Type: 'AWS::Logs::MetricFilter', Properties: { LogGroupName: { Ref: 'Group' } } },
  FilterC: { Type: 'AWS::Logs::MetricFilter', Properties: { LogGroupName: { Ref: 'Other' } } },
});

function countingKind(): { kind: AttachmentKind; calls: () => number } {
  let calls = 0;
  const kind: AttachmentKind = {
    types: ['AWS::Logs::MetricFilter'],
    keys: (filter: TemplateResource) => {
      calls += 1;
      return [...referredLogicalIds(filter.properties.LogGroupName)];
    },
  };
  return { kind, calls: () => calls };
}

describe('attachedUnder', () => {
  test('finds what names a resource, in template order', () => {
    const { kind } = countingKind();
    const t = template();
    expect(attachedUnder(t, kind, 'Group').map((r) => r.logicalId)).toEqual(['FilterA', 'FilterB']);
    expect(attachedUnder(t, kind, 'Other').map((r) => r.logicalId)).toEqual(['FilterC']);
    expect(attachedUnder(t, kind, 'Nothing')).toEqual([]);
  });

  test('reads each attaching resource once per template, however many lookups', () => {
    const { kind, calls } = countingKind();
    const t = template();
    for (let i = 0; i < 10; i++) attachedUnder(t, kind, i % 2 ? 'Group' : 'Other');
    expect(calls()).toBe(3);
    attachedUnder(template(), kind, 'Group');
    expect(calls()).toBe(6);
  });

  test('a kind without types indexes every resource; an attachment under several keys is listed once', () => {
    const kind: AttachmentKind = { keys: (r) => [r.type, r.type] };
    expect(attachedUnder(template(), kind, 'AWS::Logs::LogGroup').map((r) => r.logicalId)).toEqual(['Group', 'Other']);
    expect(attachedUnderAny(template(), { keys: () => ['a', 'b'] }, ['a', 'b'])).toHaveLength(5);
  });
});

describe('oncePerTemplate', () => {
  test('computes once per template', () => {
    let runs = 0;
    const count = oncePerTemplate((t) => { runs += 1; return t.all().length; });
    const t = template();
    expect([count(t), count(t), count(t)]).toEqual([5, 5, 5]);
    expect(runs).toBe(1);
    count(template());
    expect(runs).toBe(2);
  });
});

describe('referredLogicalIds', () => {
  test.each([
    { Ref: 'A' },
    { 'Fn::GetAtt': ['A', 'Arn'] },
    { 'Fn::GetAtt': 'A.Arn' },
    { 'Fn::Sub': 'arn:${AWS::Partition}:x:::${A.Name}/${!Literal}' },
    { 'Fn::Sub': ['${Var}', { Var: { Ref: 'B' } }] },
    { 'Fn::Join': ['', ['x', { Ref: 'B' }, { 'Fn::GetAtt': ['A', 'Arn'] }]] },
    [{ Ref: 'A' }, 'B'],
    'A',
  ])('holds exactly the ids refersTo finds in %j', (value) => {
    const ids = referredLogicalIds(value);
    for (const id of ['A', 'B', 'Literal', 'Var', 'AWS::Partition']) expect(ids.has(id)).toBe(refersTo(value, id));
  });
});
