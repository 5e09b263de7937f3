import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { addExecutionRole } from './execution-role';
import { passThroughAttributes, s3Location, SamOutput, SamResource, sortedJson, tagList } from './output';

/**
 * `AWS::Serverless::StateMachine` as SAM expands it (`samtranslator/model/stepfunctions/generators.py`):
 * an `AWS::StepFunctions::StateMachine` under the same logical id with
 * `Logging` as `LoggingConfiguration`, `Tracing` as `TracingConfiguration`,
 * `Name`, `Type`, `Tags` with `stateMachine:createdBy: SAM` first; an inline
 * `Definition` as SAM writes it (a `Fn::Join` of its indented JSON lines,
 * each intrinsic in it moved to a `${definition_substitution_N}`), or
 * `DefinitionUri` as `DefinitionS3Location`; and without `Role`, the
 * `<Id>Role` trusted by states.amazonaws.com with its `Policies` (X-Ray added
 * when tracing). Events, aliases and versions are not expanded (noted).
 */
export function expandStateMachine(out: SamOutput, machine: SamResource): void {
  const p = machine.properties;
  if (p.Definition !== undefined && p.DefinitionUri !== undefined) throw out.refuse(machine, "give either 'Definition' or 'DefinitionUri', not both");
  if (p.Definition === undefined && p.DefinitionUri === undefined) throw out.refuse(machine, "'Definition' or 'DefinitionUri' is required");
  if (p.Role !== undefined && p.Policies !== undefined) throw out.refuse(machine, "give either 'Role' or 'Policies' (or neither), not both");
  const tags = [{ Key: 'stateMachine:createdBy', Value: 'SAM' }, ...tagList(p.Tags)];
  const properties: JsonObject = {
    StateMachineName: p.Name,
    StateMachineType: p.Type,
    LoggingConfiguration: p.Logging,
    TracingConfiguration: p.Tracing,
    Tags: tags,
    RoleArn: p.Role ?? { 'Fn::GetAtt': [`${machine.id}Role`, 'Arn'] },
  };
  if (isObject(p.Definition)) {
    const substitutions: JsonObject = isObject(p.DefinitionSubstitutions) ? { ...p.DefinitionSubstitutions } : {};
    const definition = withSubstitutions(p.Definition, substitutions, { next: 1 });
    properties.DefinitionString = { 'Fn::Join': ['\n', sortedJson(definition, 4).split('\n')] };
    if (Object.keys(substitutions).length > 0) properties.DefinitionSubstitutions = substitutions;
  } else {
    properties.DefinitionS3Location = s3Location(p.DefinitionUri, 'Bucket');
    properties.DefinitionSubstitutions = p.DefinitionSubstitutions;
  }
  out.add(machine.id, machine.id, 'AWS::StepFunctions::StateMachine', properties, passThroughAttributes(machine, true));
  if (p.Role === undefined) {
    const tracing = isObject(p.Tracing) && p.Tracing.Enabled === true;
    const withXray = { ...machine, properties: { ...p, Policies: [...policyList(p.Policies), ...(tracing ? ['AWSXrayWriteOnlyAccess'] : [])] } };
    addExecutionRole(out, withXray, {
      trust: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['states.amazonaws.com'] } }] },
      managedPolicyArns: [],
      tags,
    });
  }
  if (p.Events !== undefined) out.notes.push(`${machine.id}: state machine events are not expanded; the resources they make are not judged`);
  if (p.AutoPublishAlias !== undefined) out.notes.push(`${machine.id}: AutoPublishAlias (version and alias) is not expanded`);
}

function policyList(policies: unknown): unknown[] {
  if (policies === undefined) return [];
  return Array.isArray(policies) ? policies : [policies];
}

/** The definition with each intrinsic (in key order, as SAM walks it) replaced by `${definition_substitution_N}`, recorded in `substitutions`. */
function withSubstitutions(value: unknown, substitutions: JsonObject, counter: { next: number }): unknown {
  if (isIntrinsic(value)) {
    const name = `definition_substitution_${counter.next++}`;
    substitutions[name] = value;
    return `\${${name}}`;
  }
  if (Array.isArray(value)) return value.map((item) => withSubstitutions(item, substitutions, counter));
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const key of Object.keys(value).sort()) result[key] = withSubstitutions(value[key], substitutions, counter);
  return result;
}
