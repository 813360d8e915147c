import { livenessReport } from '@/lib/server/health';

/** Liveness: the process answers HTTP. A load balancer or supervisor restarts it when this fails. */
export function GET(): Response {
  return livenessReport();
}
