/** Query keys of the Ops domain; the header's site-link badge and the Ops page share the link entry. */
export const opsKeys = {
  all: ['ops'] as const,
  link: () => [...opsKeys.all, 'link'] as const,
  status: () => [...opsKeys.all, 'status'] as const,
  quarantines: () => [...opsKeys.all, 'quarantine'] as const,
  quarantine: (pageSize: number) => [...opsKeys.quarantines(), { pageSize }] as const,
};
