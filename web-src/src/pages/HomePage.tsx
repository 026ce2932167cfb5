import { Button, Content, Flex, Heading, InlineAlert, ProgressCircle } from '@adobe/react-spectrum';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../session-context';
import { useAsync } from '../use-async';
import { StoreCard } from './StoreCard';

/** Home: one card per Amazon store (SPEC §1.3). */
export const HomePage = () => {
  const { client } = useSession();
  const [state, reload] = useAsync(() => client.listStores(), 'stores');
  return (
    <>
      <PageHeader
        title="Amazon Stores"
        description="Each store links one Seller Central marketplace to one Commerce website."
        actions={
          <Button variant="secondary" onPress={reload} data-testid="stores-reload">
            Refresh
          </Button>
        }
      />
      {state.status === 'loading' && <ProgressCircle aria-label="Loading stores" isIndeterminate />}
      {state.status === 'error' && (
        <InlineAlert variant="negative" data-testid="stores-error">
          <Heading>Stores could not be loaded</Heading>
          <Content>{state.message}</Content>
        </InlineAlert>
      )}
      {state.status === 'ready' && state.data.stores.length === 0 && (
        <EmptyState testId="stores-empty" heading="No Amazon stores yet">
          Once a Seller Central account is connected, its stores appear here with their status and authorization.
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.stores.length > 0 && (
        <Flex direction="column" gap="size-300" data-testid="store-list">
          {state.data.stores.map((store) => (
            <StoreCard key={store.id} store={store} />
          ))}
        </Flex>
      )}
    </>
  );
};
