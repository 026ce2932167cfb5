import {
  defaultTheme,
  Flex,
  Heading,
  InlineAlert,
  Content,
  ProgressCircle,
  Provider,
  Text,
  View,
} from '@adobe/react-spectrum';
import { useEffect, useState } from 'react';
import { messageOf } from './api/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Shell } from './components/Shell';
import { type GuestModule, type PageProbe, type Session, startSession } from './host/session';
import { SessionContext } from './session-context';

const loadGuest = async (): Promise<GuestModule> => (await import('@adobe/uix-guest')) as unknown as GuestModule;

type Boot = { status: 'connecting' } | { status: 'failed'; message: string } | { status: 'ready'; session: Session };

/**
 * Connects first (Commerce Admin via uix-guest, or the local IMS stand-in when standalone), then renders the
 * shell. On the index route the connection is the Admin UI SDK registration (`register`); the menu page that
 * the Admin opens there shows the same shell.
 */
export const App = ({ probe, bundledConfig }: { probe: PageProbe; bundledConfig: unknown }) => {
  const [boot, setBoot] = useState<Boot>({ status: 'connecting' });
  useEffect(() => {
    startSession({ probe, bundledConfig, fetchFn: (input, init) => fetch(input, init), loadGuest }).then(
      (session) => setBoot({ status: 'ready', session }),
      (error: unknown) => setBoot({ status: 'failed', message: messageOf(error) }),
    );
  }, [probe, bundledConfig]);

  return (
    <Provider theme={defaultTheme} colorScheme="light" locale="en-US" minHeight="100vh">
      <ErrorBoundary>
        {boot.status === 'connecting' && (
          <Flex direction="column" alignItems="center" justifyContent="center" height="60vh" gap="size-200">
            <ProgressCircle aria-label="Connecting" isIndeterminate size="L" />
            <Text>Connecting to the Amazon Sales Channel…</Text>
          </Flex>
        )}
        {boot.status === 'failed' && (
          <View padding="size-400" maxWidth="size-6000">
            <InlineAlert variant="negative" data-testid="boot-error">
              <Heading>The Amazon Sales Channel could not start</Heading>
              <Content>{boot.message}</Content>
            </InlineAlert>
          </View>
        )}
        {boot.status === 'ready' && (
          <SessionContext.Provider value={boot.session}>
            <Shell />
          </SessionContext.Provider>
        )}
      </ErrorBoundary>
    </Provider>
  );
};
