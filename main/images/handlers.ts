import { ContractError } from '../contract';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import type { ImageStore } from './store';

export function imageHandlers(deps: { db: Database; images: ImageStore }): HandlerGroup<'images.put' | 'images.get'> {
  return {
    'images.put': ({ data }) => {
      // Node's base64 decoder skips what is not base64; a picture must arrive whole.
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new ContractError('invalid_input', 'image: not base64');
      return deps.db.transaction(() => deps.images.put(Buffer.from(data, 'base64')))();
    },
    'images.get': ({ hash }) => deps.images.get(hash),
  };
}
