import { createContext, useContext } from 'react';
import type { Session } from './host/session';

export const SessionContext = createContext<Session | undefined>(undefined);

/** The connected session; pages render only once it exists. */
export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
};
