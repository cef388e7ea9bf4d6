import type { PlanDocument } from '../core/plan-document.js';
import { getAtt, ref, tags, type CfnOutputs, type CfnResources } from './cloudformation-types.js';
import { multiAzCluster } from './cloudformation-cluster.js';

/**
 * RDS allocates storage in GiB (AllocatedStorage, 20 to 65,536): the plan's decimal GB, rounded up. The
 * planner's 64 TiB limit is 70,368 GB, so a full shard is 65,536 GiB, never more.
 */
export const allocatedGib = (gb: number) => Math.max(20, Math.ceil((gb * 1e9) / 2 ** 30 - 1e-9));

export const POSTGRES_VERSION = '16';
export const kept = { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' } as const;

export interface RegionRole {
  /** The region's code; a secondary region follows the primary's database. */
  code: string;
  primary: boolean;
  primaryCode: string;
  /** The plan runs in more than one region: the primary's database is shared with the others. */
  multiRegion: boolean;
}

/** The data security group, the database the plan chose (RDS Multi-AZ or not, read replicas, shards, or Aurora) and Redis. */
export function dataResources(plan: PlanDocument, role: RegionRole): { resources: CfnResources; outputs: CfnOutputs } {
  const resources: CfnResources = {
    DataSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'PostgreSQL and Redis, from the app servers only',
        VpcId: ref('VpcId'),
        SecurityGroupIngress: [5432, 6379].map((port) => ({
          IpProtocol: 'tcp',
          FromPort: port,
          ToPort: port,
          SourceSecurityGroupId: ref('AppSecurityGroup'),
        })),
        Tags: tags('data'),
      },
    },
    DatabaseSubnetGroup: {
      Type: 'AWS::RDS::DBSubnetGroup',
      Properties: { DBSubnetGroupDescription: 'Private subnets for the database', SubnetIds: ref('PrivateSubnetIds') },
    },
  };
  const outputs: CfnOutputs = {};
  const deployment = plan.database.deployment;
  if (deployment === 'aurora' || deployment === 'aurora-io-optimized')
    Object.assign(resources, aurora(plan, role, outputs));
  else if (deployment === 'multi-az-cluster') Object.assign(resources, multiAzCluster(plan, role, outputs));
  else Object.assign(resources, rds(plan, role, outputs));
  if (plan.cache) Object.assign(resources, redis(plan, outputs));
  return { resources, outputs };
}

function rds(plan: PlanDocument, role: RegionRole, outputs: CfnOutputs): CfnResources {
  const d = plan.database;
  const resources: CfnResources = {};
  for (let shard = 1; shard <= d.shards; shard++) {
    const name = d.shards > 1 ? `DatabaseShard${shard}` : 'Database';
    // A replica takes its source's encryption: StorageEncrypted is only the primary's (cfn-lint E3020).
    const common = {
      DBInstanceClass: d.instanceType,
      DBSubnetGroupName: ref('DatabaseSubnetGroup'),
      VPCSecurityGroups: [ref('DataSecurityGroup')],
      Tags: tags(name.toLowerCase()),
    };
    resources[name] = {
      Type: 'AWS::RDS::DBInstance',
      ...kept,
      Properties: role.primary
        ? {
            ...common,
            StorageEncrypted: true,
            Engine: 'postgres',
            EngineVersion: POSTGRES_VERSION,
            AllocatedStorage: String(allocatedGib(d.storageGb / d.shards)),
            StorageType: 'gp3',
            MultiAZ: d.deployment === 'multi-az',
            MasterUsername: 'app',
            ManageMasterUserPassword: true,
            BackupRetentionPeriod: 7,
            DeletionProtection: true,
          }
        : // A secondary region holds a promotable cross-region read replica of the primary's database.
          {
            ...common,
            SourceDBInstanceIdentifier: ref(`PrimaryDatabaseArn${d.shards > 1 ? shard : ''}`),
            SourceRegion: role.primaryCode,
            KmsKeyId: ref('DatabaseKmsKeyId'),
          },
    };
    for (let r = 1; r <= (role.primary ? d.readReplicasPerShard : 0); r++) {
      resources[`${name}Replica${r}`] = {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          ...common,
          SourceDBInstanceIdentifier: ref(name),
          Tags: tags(`${name.toLowerCase()}-replica-${r}`),
        },
      };
    }
    outputs[`${name}Endpoint`] = { Description: `${name} endpoint`, Value: getAtt(name, 'Endpoint.Address') };
    if (role.primary && role.multiRegion)
      outputs[`${name}Arn`] = {
        Description: `${name} ARN: the other regions' PrimaryDatabaseArn${d.shards > 1 ? shard : ''}`,
        Value: getAtt(name, 'DBInstanceArn'),
      };
  }
  return resources;
}

/** An Aurora cluster per shard: one writer and the shard's readers; with several regions, a global database each. */
function aurora(plan: PlanDocument, role: RegionRole, outputs: CfnOutputs): CfnResources {
  const d = plan.database;
  const resources: CfnResources = {};
  for (let shard = 1; shard <= d.shards; shard++) {
    const prefix = d.shards > 1 ? `DatabaseShard${shard}` : 'Database';
    const cluster = `${prefix}Cluster`;
    const global = `GlobalClusterIdentifier${d.shards > 1 ? shard : ''}`;
    resources[cluster] = {
      Type: 'AWS::RDS::DBCluster',
      ...kept,
      Properties: {
        Engine: 'aurora-postgresql',
        EngineVersion: POSTGRES_VERSION,
        DBSubnetGroupName: ref('DatabaseSubnetGroup'),
        VpcSecurityGroupIds: [ref('DataSecurityGroup')],
        StorageEncrypted: true,
        ...(d.deployment === 'aurora-io-optimized' ? { StorageType: 'aurora-iopt1' } : {}),
        ...(role.primary
          ? {
              MasterUsername: 'app',
              ManageMasterUserPassword: true,
              BackupRetentionPeriod: 7,
              DeletionProtection: true,
            }
          : { GlobalClusterIdentifier: ref(global) }),
        Tags: tags(cluster.toLowerCase()),
      },
    };
    // The writer and the shard's readers, each an instance of the cluster (Aurora spreads them over zones).
    for (let i = 1; i <= 1 + (role.primary ? d.readReplicasPerShard : 0); i++) {
      resources[`${prefix}Instance${i}`] = {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          Engine: 'aurora-postgresql',
          DBClusterIdentifier: ref(cluster),
          DBInstanceClass: d.instanceType,
          Tags: tags(`${prefix.toLowerCase()}-${i}`),
        },
      };
    }
    if (role.primary && role.multiRegion) {
      // An Aurora global database: the other regions' clusters join it as read-only secondaries.
      resources[`${prefix}Global`] = {
        Type: 'AWS::RDS::GlobalCluster',
        Properties: { SourceDBClusterIdentifier: ref(cluster) },
      };
      outputs[`${prefix}GlobalCluster`] = {
        Description: `The other regions' ${global}`,
        Value: ref(`${prefix}Global`),
      };
    }
    outputs[`${prefix}Endpoint`] = {
      Description: `${cluster} writer endpoint`,
      Value: getAtt(cluster, 'Endpoint.Address'),
    };
    outputs[`${prefix}ReaderEndpoint`] = {
      Description: `${cluster} reader endpoint`,
      Value: getAtt(cluster, 'ReadEndpoint.Address'),
    };
  }
  return resources;
}

function redis(plan: PlanDocument, outputs: CfnOutputs): CfnResources {
  const c = plan.cache!;
  const clustered = c.shards > 1;
  // The engine the plan priced: Valkey (cheaper on ElastiCache) or Redis OSS, each with its own default
  // cluster-mode parameter group.
  const valkey = c.engine === 'valkey';
  const name = valkey ? 'Valkey' : 'Redis';
  const clusterParameters = valkey ? 'default.valkey8.cluster.on' : 'default.redis7.cluster.on';
  outputs.CacheEndpoint = {
    Description: clustered ? `${name} configuration endpoint (cluster mode)` : `${name} primary endpoint`,
    Value: getAtt('Cache', clustered ? 'ConfigurationEndPoint.Address' : 'PrimaryEndPoint.Address'),
  };
  return {
    CacheSubnetGroup: {
      Type: 'AWS::ElastiCache::SubnetGroup',
      Properties: { Description: `Private subnets for ${name}`, SubnetIds: ref('PrivateSubnetIds') },
    },
    Cache: {
      Type: 'AWS::ElastiCache::ReplicationGroup',
      Properties: {
        ReplicationGroupDescription: `${name}: ${c.shards} shard(s) × (1 primary + ${c.replicasPerShard} replica(s))`,
        Engine: c.engine,
        ...(valkey ? { EngineVersion: '8.0' } : {}),
        CacheNodeType: c.nodeType,
        ...(clustered
          ? { NumNodeGroups: c.shards, ReplicasPerNodeGroup: c.replicasPerShard }
          : { NumCacheClusters: 1 + c.replicasPerShard }),
        AutomaticFailoverEnabled: c.replicasPerShard > 0,
        MultiAZEnabled: c.replicasPerShard > 0,
        ...(clustered ? { CacheParameterGroupName: clusterParameters, ClusterMode: 'enabled' } : {}),
        CacheSubnetGroupName: ref('CacheSubnetGroup'),
        SecurityGroupIds: [ref('DataSecurityGroup')],
        AtRestEncryptionEnabled: true,
        TransitEncryptionEnabled: true,
        Tags: tags(c.engine),
      },
    },
  };
}
