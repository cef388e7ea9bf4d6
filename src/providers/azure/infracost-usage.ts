import type { PlanDocument } from '../../core/plan-document.js';
import {
  gb,
  int,
  usageFigures,
  type InfracostUsage,
  type InfracostUsageMapper,
} from '../../export/infracost-usage-figures.js';

/**
 * Infracost's Azure keys (internal/resources/azure/*.go) for the usage-priced resources the plan has: the
 * scale set, Application Gateway v2, NAT gateway, DNS, Blob storage, Log Analytics and Service Bus.
 */
export const infracostUsage: InfracostUsageMapper = (plan: PlanDocument): InfracostUsage => {
  const f = usageFigures(plan);
  return {
    version: 0.1,
    resource_type_default_usage: {
      // A scale set and an Application Gateway per region, a NAT gateway per zone of each: each gets its share.
      azurerm_linux_virtual_machine_scale_set: { instances: int(plan.compute.instances.average / f.regions) },
      ...(plan.loadBalancing.strategy !== 'none'
        ? {
            azurerm_application_gateway: {
              monthly_data_processed_gb: gb((f.originGb * 1.1) / f.regions),
              monthly_v2_capacity_units: int(f.line('load-balancer-capacity') / 730 / f.regions),
            },
          }
        : {}),
      ...(f.line('nat-data') > 0
        ? { azurerm_nat_gateway: { monthly_data_processed_gb: gb(f.line('nat-data') / (f.zones * f.regions)) } }
        : {}),
      azurerm_dns_a_record: { monthly_queries: int(f.line('dns-queries') * 1e6) },
      azurerm_storage_account: {
        storage_gb: gb(f.line('object-storage')),
        monthly_write_operations: int(f.writes * 0.1),
        monthly_read_operations: int(f.requests * 0.05),
      },
      azurerm_log_analytics_workspace: { monthly_log_data_ingestion_gb: gb(f.line('monitoring-logs')) },
      ...(plan.queue
        ? {
            azurerm_servicebus_namespace: {
              monthly_messaging_operations: int(f.line('queue') * 1e6),
            },
          }
        : {}),
    },
  };
};
