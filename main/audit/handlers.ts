import type { HandlerGroup } from '../router/router';
import type { AuditTrail } from './trail';

export function auditHandlers(deps: { audit: AuditTrail }): HandlerGroup<'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (filter) => deps.audit.list(filter),
    'audit.verify': () => deps.audit.verify(),
  };
}
