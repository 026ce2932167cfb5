import {
  Button,
  Content,
  Flex,
  Heading,
  InlineAlert,
  ProgressCircle,
  StatusLight,
  Text,
  View,
  Well,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { StoreSummary } from '../../../src/core/store';
import { marketplaceById } from '../../../src/core/marketplaces';
import { messageOf } from '../api/client';
import type { ConnectionCheckResult } from '../api/schemas';
import { authorizationText, connectionSummary, flagEmoji, formatDateTime, STORE_STATUS, type Tone } from '../format';
import { useSession } from '../session-context';

type Check =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; result: ConnectionCheckResult }
  | { status: 'failed'; message: string };

const lightVariant = (tone: Tone) => (tone === 'neutral' ? 'neutral' : tone);
const alertVariant = (tone: Tone) => (tone === 'neutral' ? 'info' : tone);

const Field = ({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) => (
  <Flex direction="column" minWidth="size-1600">
    <Text UNSAFE_style={{ fontSize: 12, color: 'var(--spectrum-global-color-gray-700)' }}>{label}</Text>
    <Text data-testid={testId}>{children}</Text>
  </Flex>
);

/** One Amazon store: who it is, its state, and a live check of the Seller Central connection. */
export const StoreCard = ({ store }: { store: StoreSummary }) => {
  const { client } = useSession();
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const status = STORE_STATUS[store.status];
  const authorization = authorizationText(store.authorization.state, store.authorization.renewBy);
  const marketplace = marketplaceById(store.marketplaceId);

  const runCheck = () => {
    setCheck({ status: 'checking' });
    client.checkStoreConnection(store.id).then(
      (result) => setCheck({ status: 'done', result }),
      (error: unknown) => setCheck({ status: 'failed', message: messageOf(error) }),
    );
  };

  return (
    <Well data-testid={`store-card-${store.id}`} aria-label={`Amazon store ${store.name}`} role="region">
      <Flex alignItems="center" gap="size-150">
        <Text
          UNSAFE_style={{ fontSize: 32, lineHeight: 1 }}
          aria-label={`Country ${store.country}`}
          data-testid="store-flag"
        >
          {flagEmoji(store.country)}
        </Text>
        <View>
          <Heading level={3} margin={0} data-testid="store-name">
            {store.name}
          </Heading>
          <Text>
            {marketplace
              ? `${marketplace.countryName} · ${marketplace.domain} · ${marketplace.currency}`
              : store.marketplaceId}
            {` · Seller ${store.sellerId}`}
          </Text>
        </View>
      </Flex>
      <Flex wrap gap="size-300" marginTop="size-200">
        <Field label="Commerce website" testId="store-website">
          {store.websiteCode}
        </Field>
        <Field label="Status" testId="store-status">
          <StatusLight variant={lightVariant(status.tone)} margin={0}>
            {status.label}
          </StatusLight>
        </Field>
        <Field label="Created" testId="store-created">
          {formatDateTime(store.createdAt)}
        </Field>
        <Field label="Last updated" testId="store-updated">
          {formatDateTime(store.updatedAt)}
        </Field>
        <Field label="Amazon authorization" testId="store-authorization">
          <StatusLight variant={lightVariant(authorization.tone)} margin={0}>
            {authorization.label}
          </StatusLight>
        </Field>
      </Flex>
      <Flex alignItems="center" gap="size-200" marginTop="size-200">
        <Button
          variant="secondary"
          onPress={runCheck}
          isPending={check.status === 'checking'}
          aria-label={`Check connection for ${store.name}`}
          data-testid="check-connection"
        >
          Check connection
        </Button>
        {check.status === 'checking' && <ProgressCircle size="S" isIndeterminate aria-label="Checking connection" />}
      </Flex>
      {check.status === 'done' && <ConnectionResult result={check.result} />}
      {check.status === 'failed' && (
        <InlineAlert variant="negative" marginTop="size-200" data-testid="connection-result">
          <Heading>Connection check failed</Heading>
          <Content>{check.message}</Content>
        </InlineAlert>
      )}
    </Well>
  );
};

const ConnectionResult = ({ result }: { result: ConnectionCheckResult }) => {
  const summary = connectionSummary(result);
  return (
    <InlineAlert variant={alertVariant(summary.tone)} marginTop="size-200" data-testid="connection-result">
      <Heading>{summary.title}</Heading>
      <Content>
        {result.message}
        {result.marketplace && (
          <Text>
            {' '}
            ({flagEmoji(result.marketplace.countryCode)} {result.marketplace.name}, checked{' '}
            {formatDateTime(result.checkedAt)})
          </Text>
        )}
      </Content>
    </InlineAlert>
  );
};
