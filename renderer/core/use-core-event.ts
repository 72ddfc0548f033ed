import { useEffect, useEffectEvent } from 'react';
import { core } from './client';
import type { EventName, EventPayload } from './contract';

/** Subscribes to a core event for the life of the component. */
export function useCoreEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => core.on(name, (payload) => onEvent(payload)), [name]);
}
