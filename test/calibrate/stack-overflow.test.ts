import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

/**
 * Stack Overflow's published day, 9 February 2016 (Nick Craver, "Stack Overflow: The Architecture – 2016
 * Edition", https://nickcraver.com/blog/2016/02/17/stack-overflow-the-architecture-2016-edition/, also on
 * stackoverflow.blog): 209,420,973 HTTP requests to the load balancer; 1,240,266,346,053 bytes of HTTP
 * traffic sent; 1,609,944,301 ms spent processing in ASP.Net; served by 11 IIS web servers.
 */
const DAY = { requests: 209_420_973, bytesSent: 1_240_266_346_053, aspNetMs: 1_609_944_301, webServers: 11 };

describe('the Stack Overflow case', () => {
  const serviceTime = DAY.aspNetMs / DAY.requests; // 7.69 ms of CPU per request
  const payloadKb = DAY.bytesSent / DAY.requests / 1000; // 5.92 KB per request
  // Only the request volume drives the fleet: the web-app profile's 20 % daily share × 100 requests a day.
  const users = Math.round(DAY.requests / (0.2 * 100));

  it('the published figures work out to 7.7 ms and 5.9 KB a request', () => {
    expect(serviceTime).toBeCloseTo(7.69, 2);
    expect(payloadKb).toBeCloseTo(5.92, 2);
  });

  it('the measured service time gives a fleet within 25 % of their 11 web servers', () => {
    const plan = planOf({ users, serviceTime, payloadKb, simulate: false });
    expect(plan.demand.requestsPerDay).toBeCloseTo(DAY.requests, -2);
    const servers = plan.compute.instances.expected;
    expect(Math.abs(servers - DAY.webServers) / DAY.webServers).toBeLessThanOrEqual(0.25);
  });

  it("the web-app profile's 50 ms default at the same volume is far off (why calibration matters)", () => {
    const plan = planOf({ users, payloadKb, simulate: false });
    expect(plan.compute.instances.expected).toBeGreaterThan(DAY.webServers * 3);
  });
});
