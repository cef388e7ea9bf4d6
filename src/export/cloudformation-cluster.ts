import type { PlanDocument } from '../core/plan-document.js';
import { allocatedGib, kept, POSTGRES_VERSION, type RegionRole } from './cloudformation-data.js';
import { getAtt, ref, tags, type CfnOutputs, type CfnResources } from './cloudformation-types.js';

/** An RDS Multi-AZ DB cluster per shard: a writer and two readable standbys in three zones, one resource. */
export function multiAzCluster(plan: PlanDocument, role: RegionRole, outputs: CfnOutputs): CfnResources {
  const d = plan.database;
  const resources: CfnResources = {};
  for (let shard = 1; shard <= d.shards; shard++) {
    const prefix = d.shards > 1 ? `DatabaseShard${shard}` : 'Database';
    const cluster = `${prefix}Cluster`;
    resources[cluster] = {
      Type: 'AWS::RDS::DBCluster',
      ...kept,
      Properties: role.primary
        ? {
            Engine: 'postgres',
            EngineVersion: POSTGRES_VERSION,
            DBClusterInstanceClass: d.instanceType,
            AllocatedStorage: allocatedGib(d.storageGb / d.shards),
            StorageType: 'gp3',
            DBSubnetGroupName: ref('DatabaseSubnetGroup'),
            VpcSecurityGroupIds: [ref('DataSecurityGroup')],
            StorageEncrypted: true,
            MasterUsername: 'app',
            ManageMasterUserPassword: true,
            BackupRetentionPeriod: 7,
            DeletionProtection: true,
            Tags: tags(cluster.toLowerCase()),
          }
        : {
            Engine: 'postgres',
            DBClusterInstanceClass: d.instanceType,
            DBSubnetGroupName: ref('DatabaseSubnetGroup'),
            VpcSecurityGroupIds: [ref('DataSecurityGroup')],
            StorageEncrypted: true,
            KmsKeyId: ref('DatabaseKmsKeyId'),
            ReplicationSourceIdentifier: ref(`PrimaryDatabaseArn${d.shards > 1 ? shard : ''}`),
            Tags: tags(cluster.toLowerCase()),
          },
    };
    for (let r = 1; r <= (role.primary ? d.readReplicasPerShard : 0); r++) {
      resources[`${prefix}Replica${r}`] = {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          DBInstanceClass: d.instanceType,
          SourceDBClusterIdentifier: ref(cluster),
          Tags: tags(`${prefix.toLowerCase()}-replica-${r}`),
        },
      };
    }
    outputs[`${prefix}Endpoint`] = {
      Description: `${cluster} writer endpoint`,
      Value: getAtt(cluster, 'Endpoint.Address'),
    };
    outputs[`${prefix}ReaderEndpoint`] = {
      Description: `${cluster} reader endpoint (the readable standbys)`,
      Value: getAtt(cluster, 'ReadEndpoint.Address'),
    };
    if (role.primary && role.multiRegion)
      outputs[`${prefix}Arn`] = {
        Description: `${cluster} ARN: the other regions' PrimaryDatabaseArn${d.shards > 1 ? shard : ''}`,
        Value: getAtt(cluster, 'DBClusterArn'),
      };
  }
  return resources;
}
