import type { PlanDocument } from '../../core/plan-document.js';
import { DAYS_PER_MONTH } from '../../core/demand.js';
import {
  gb,
  int,
  usageFigures,
  type InfracostUsage,
  type InfracostUsageMapper,
} from '../../export/infracost-usage-figures.js';

/**
 * Infracost's Google keys (internal/resources/google/*.go) for the usage-priced resources the plan has:
 * Cloud NAT, the global forwarding rule, Cloud DNS, Cloud Storage, Cloud Logging and Pub/Sub. Instance
 * groups, Cloud SQL and Memorystore are priced from Terraform alone.
 */
export const infracostUsage: InfracostUsageMapper = (plan: PlanDocument): InfracostUsage => {
  const f = usageFigures(plan);
  return {
    version: 0.1,
    resource_type_default_usage: {
      // One Cloud NAT gateway per region: each gets its region's share.
      google_compute_router_nat: {
        assigned_vms: int(plan.compute.instances.average / f.regions),
        monthly_data_processed_gb: gb(f.line('nat-data') / f.regions),
      },
      google_dns_record_set: {
        monthly_queries: int(f.line('dns-queries') * 1e6 || plan.demand.dailyActiveUsers * 20 * DAYS_PER_MONTH),
      },
      ...(plan.loadBalancing.strategy !== 'none'
        ? { google_compute_global_forwarding_rule: { monthly_ingress_data_gb: gb(f.originGb * 0.1) } }
        : {}),
      google_storage_bucket: {
        storage_gb: gb(f.line('object-storage')),
        monthly_class_a_operations: int(f.writes * 0.1),
        monthly_class_b_operations: int(f.requests * 0.05),
      },
      google_logging_project_sink: { monthly_logging_data_gb: gb(f.line('monitoring-logs')) },
      // Pub/Sub bills by data: each message at 64 KB, three per write as on SQS.
      ...(plan.queue
        ? { google_pubsub_topic: { monthly_message_data_tb: Number(((f.writes * 3 * 64) / 1024 ** 3).toFixed(3)) } }
        : {}),
    },
  };
};
