import type { StoreHealth } from '../db/store-gate';
import { getSubscriptionService } from '../subscriptions/subscription-service';
import { isDraining, startedAt } from './lifecycle';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function livenessReport(): Response {
  return Response.json({ status: 'live', startedAt: startedAt() }, { headers: NO_STORE });
}

/**
 * Ready unless draining. The subscriber store's state is reported but does not make the instance
 * unready: every content page is served without it, and taking all instances out of rotation
 * because the database is down would take the whole site down with it.
 */
export function readinessReport(draining = isDraining(), store: Pick<StoreHealth, 'state'> = getSubscriptionService().store.health()): Response {
  return Response.json(
    { status: draining ? 'draining' : 'ready', subscriptions: store.state === 'down' ? 'unavailable' : store.state === 'up' ? 'available' : 'not yet used' },
    { status: draining ? 503 : 200, headers: NO_STORE },
  );
}
