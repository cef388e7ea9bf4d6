import type { PlanDocument } from '../../core/plan-document.js';
import {
  gb,
  int,
  usageFigures,
  type InfracostUsage,
  type InfracostUsageMapper,
} from '../../export/infracost-usage-figures.js';

/** Infracost's AWS usage keys (internal/resources/aws/*.go) for every usage-priced resource the plan has. */
export const infracostUsage: InfracostUsageMapper = (plan: PlanDocument): InfracostUsage => {
  const f = usageFigures(plan);
  const p = plan.input.parameters;
  const multiRegion = plan.availability.regions.length > 1;
  // One Auto Scaling group and one ALB per region, a NAT gateway per zone of each: each gets its share.
  const rps = plan.demand.averageRps / f.regions;
  // An ALB: a new connection per ten requests, each kept a minute; one rule evaluated per request.
  const lb = {
    new_connections: int(rps / 10),
    active_connections: int((rps / 10) * 60),
    processed_bytes_gb: gb((f.originGb * 1.1) / f.regions),
    rule_evaluations: int(rps),
  };
  const reads = (f.requests - f.writes) * (1 - p.cacheHitRatio);
  const usage: Record<string, Record<string, unknown>> = {
    aws_autoscaling_group: {
      instances: int(plan.compute.instances.average / f.regions),
      operating_system: 'linux',
      ...(plan.cost.buying.commitment === 'on-demand'
        ? {}
        : {
            reserved_instance_type: 'standard',
            reserved_instance_term: plan.cost.buying.commitment === '1y' ? '1_year' : '3_year',
            reserved_instance_payment_option: 'no_upfront',
          }),
    },
    ...(plan.loadBalancing.strategy !== 'none' ? { aws_lb: lb, aws_alb: lb } : {}),
    ...(f.line('nat-data') > 0
      ? { aws_nat_gateway: { monthly_data_processed_gb: gb(f.line('nat-data') / (f.zones * f.regions)) } }
      : {}),
    ...(plan.cdn
      ? {
          aws_cloudfront_distribution: {
            monthly_data_transfer_to_internet_gb: { us: gb(f.cdnGb) },
            monthly_https_requests: { us: int(f.line('cdn-requests') * 10_000) },
          },
        }
      : {}),
    // Aurora Standard and I/O-Optimized: one cluster per shard, so each cluster's share of storage and I/O.
    ...(plan.database.deployment === 'aurora' || plan.database.deployment === 'aurora-io-optimized'
      ? {
          aws_rds_cluster: {
            storage_gb: gb(plan.database.storageGb / plan.database.shards),
            write_requests_per_sec: int(f.writes / f.secondsPerMonth / plan.database.shards),
            read_requests_per_sec: int(reads / f.secondsPerMonth / plan.database.shards),
          },
        }
      : {}),
    aws_s3_bucket: {
      standard: {
        storage_gb: gb(f.line('object-storage')),
        monthly_tier_1_requests: int(f.writes * 0.1),
        monthly_tier_2_requests: int(f.requests * 0.05),
      },
    },
    aws_cloudwatch_log_group: {
      monthly_data_ingested_gb: gb(f.line('monitoring-logs')),
      storage_gb: gb(f.line('monitoring-logs')),
    },
    aws_route53_record: multiRegion
      ? { monthly_latency_based_queries: int(f.line('dns-queries') * 1e6) }
      : { monthly_standard_queries: int(f.line('dns-queries') * 1e6) },
    ...(plan.queue ? { aws_sqs_queue: { monthly_requests: int(f.writes * 3), request_size_kb: 64 } } : {}),
  };
  return {
    version: 0.1,
    resource_type_default_usage: usage,
    resource_usage: {
      [`aws_data_transfer.${plan.cost.pricing.region.replace(/[^a-z0-9]/g, '_')}`]: {
        region: plan.cost.pricing.region,
        monthly_intra_region_gb: gb(f.line('cross-zone')),
        monthly_outbound_internet_gb: gb(f.originGb),
        ...(multiRegion ? { monthly_outbound_other_regions_gb: gb(f.line('cross-region')) } : {}),
      },
    },
  };
};
