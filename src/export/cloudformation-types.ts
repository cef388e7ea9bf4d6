/** CloudFormation's template shapes and intrinsic functions, written in their long (JSON) form so any YAML reader keeps them. */
export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string[];
  DeletionPolicy?: 'Snapshot' | 'Retain' | 'Delete';
  UpdateReplacePolicy?: 'Snapshot' | 'Retain' | 'Delete';
}
export type CfnResources = Record<string, CfnResource>;
export type CfnOutputs = Record<string, { Description: string; Value: unknown }>;

export const ref = (name: string) => ({ Ref: name });
export const getAtt = (resource: string, attribute: string) => ({ 'Fn::GetAtt': [resource, attribute] });
export const sub = (text: string) => ({ 'Fn::Sub': text });
export const tags = (role: string) => [
  { Key: 'Name', Value: sub(`\${AWS::StackName}-${role}`) },
  { Key: 'managed-by', Value: 'capacity-plan' },
];
