import { describe, expect, it } from 'vitest';
import { readinessReport } from '@/lib/server/health';

describe('readiness', () => {
  it('is ready while the subscriber store is down: content is still served, and the report says so', async () => {
    const response = readinessReport(false, { state: 'down' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', subscriptions: 'unavailable' });
  });

  it('fails once the instance drains, so the load balancer moves on', async () => {
    const response = readinessReport(true, { state: 'up' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'draining', subscriptions: 'available' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
