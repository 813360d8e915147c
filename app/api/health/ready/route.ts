import { readinessReport } from '@/lib/server/health';

/** Readiness: whether to send this instance traffic (503 while it drains after SIGTERM). */
export function GET(): Response {
  return readinessReport();
}
