import {
  AlertDialog,
  Button,
  Content,
  DialogTrigger,
  Flex,
  Heading,
  InlineAlert,
  Link,
  ProgressCircle,
  StatusLight,
  Text,
  View,
  Well,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { marketplaceById } from '../../../src/core/marketplaces';
import type { StoreSummary } from '../../../src/core/store';
import { messageOf } from '../api/client';
import type { ConnectionCheckResult } from '../api/schemas';
import { type StoreSales, storesApi } from '../api/stores';
import { authorizationText, connectionSummary, flagEmoji, formatDateTime, STORE_STATUS, type Tone } from '../format';
import { useSession } from '../session-context';
import { storeHref } from './stores/hash-query';
import { Sparkline } from './stores/Sparkline';

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

/**
 * Opens the Seller Central consent page in a new tab. The tab is opened before the request so browsers
 * treat it as the merchant's click (no popup blocker), then pointed at Amazon once the link exists.
 */
export const useAuthorize = (storeId: string) => {
  const session = useSession();
  const [state, setState] = useState<{ busy: boolean; message?: string; url?: string }>({ busy: false });
  const authorize = () => {
    const tab = window.open('', '_blank');
    setState({ busy: true });
    storesApi(session)
      .startAuthorization(storeId)
      .then(
        ({ consentUrl }) => {
          if (tab) tab.location.href = consentUrl;
          setState({ busy: false, url: consentUrl });
        },
        (error: unknown) => {
          tab?.close();
          setState({ busy: false, message: messageOf(error) });
        },
      );
  };
  return { ...state, authorize };
};

/** One Amazon store (SPEC 1.3): who it is, its state, 30-day sales, alerts and the card actions. */
export const StoreCard = ({
  store,
  sales,
  onChanged,
}: {
  store: StoreSummary;
  sales?: StoreSales;
  onChanged: () => void;
}) => {
  const session = useSession();
  const api = storesApi(session);
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const auth = useAuthorize(store.id);
  const status = STORE_STATUS[store.status];
  const authorization = authorizationText(store.authorization.state, store.authorization.renewBy);
  const marketplace = marketplaceById(store.marketplaceId);
  const authorised = store.authorization.state === 'valid' || store.authorization.state === 'renewal_due';

  const runCheck = () => {
    setCheck({ status: 'checking' });
    session.client.checkStoreConnection(store.id).then(
      (result) => setCheck({ status: 'done', result }),
      (error: unknown) => setCheck({ status: 'failed', message: messageOf(error) }),
    );
  };

  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    run().then(
      () => {
        setBusy(false);
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(messageOf(error));
      },
    );
  };

  return (
    <Well data-testid={`store-card-${store.id}`} aria-label={`Amazon store ${store.name}`} role="region">
      <Flex alignItems="center" gap="size-150" wrap>
        <Text
          UNSAFE_style={{ fontSize: 32, lineHeight: 1 }}
          aria-label={`Country ${store.country}`}
          data-testid="store-flag"
        >
          {flagEmoji(store.country)}
        </Text>
        <View flexGrow={1}>
          <Heading level={3} margin={0} data-testid="store-name">
            {store.name}
          </Heading>
          <Text>
            {marketplace
              ? `${marketplace.countryName} · ${marketplace.domain} · ${marketplace.currency}`
              : store.marketplaceId}
            {store.sellerId ? ` · Seller ${store.sellerId}` : ''}
          </Text>
        </View>
        {sales && (
          <Flex direction="column" alignItems="end">
            <Text UNSAFE_style={{ fontSize: 12 }}>Gross Market Volume (30 day)</Text>
            <Text data-testid="store-sales-total" UNSAFE_style={{ fontWeight: 700 }}>
              {sales.total} {sales.currency}
            </Text>
            <Sparkline sales={sales} />
          </Flex>
        )}
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

      {!authorised && (
        <InlineAlert
          variant={store.authorization.state === 'expired' ? 'negative' : 'notice'}
          marginTop="size-200"
          data-testid="store-alert-authorization"
        >
          <Heading>
            {store.authorization.state === 'expired'
              ? 'The Amazon authorization has expired'
              : 'Not connected to Amazon yet'}
          </Heading>
          <Content>
            Sign in to Seller Central with the account's primary user and confirm access for the Amazon Sales Channel.
            Nothing is synchronised until then.
          </Content>
        </InlineAlert>
      )}
      {store.authorization.state === 'renewal_due' && (
        <InlineAlert variant="notice" marginTop="size-200" data-testid="store-alert-renewal">
          <Heading>Authorization renewal due</Heading>
          <Content>
            Amazon asks sellers to renew app authorizations every year. Re-authorize before{' '}
            {formatDateTime(store.authorization.renewBy)} to keep the store synchronised.
          </Content>
        </InlineAlert>
      )}
      {store.status === 'inactive' && (
        <InlineAlert variant="info" marginTop="size-200" data-testid="store-sync-paused">
          <Heading>Store inactive</Heading>
          <Content>Price, quantity and order sync are paused. Settings and listings are kept.</Content>
        </InlineAlert>
      )}

      <Flex alignItems="center" gap="size-150" marginTop="size-200" wrap>
        <Link>
          <a href={storeHref(store.id)} data-testid="view-store">
            View Store
          </a>
        </Link>
        {(!authorised || store.authorization.state === 'renewal_due') && (
          <Button variant="accent" onPress={auth.authorize} isPending={auth.busy} data-testid="authorize-store">
            {store.authorization.state === 'missing' ? 'Authorize in Seller Central' : 'Re-authorize'}
          </Button>
        )}
        {store.status !== 'pending_authorization' && (
          <Button
            variant="secondary"
            isPending={busy}
            data-testid="toggle-status"
            onPress={() =>
              act(() => api.updateStore(store.id, { status: store.status === 'active' ? 'inactive' : 'active' }))
            }
          >
            {store.status === 'active' ? 'Deactivate' : 'Activate'}
          </Button>
        )}
        <DialogTrigger>
          <Button variant="negative" data-testid="delete-store">
            Delete
          </Button>
          <AlertDialog
            variant="destructive"
            title={`Delete ${store.name}?`}
            primaryActionLabel="Delete store"
            cancelLabel="Cancel"
            onPrimaryAction={() => act(() => api.deleteStore(store.id))}
          >
            Every setting, listing record and log of this store is removed from the Amazon Sales Channel. This cannot be
            undone. Amazon is not changed: your listings stay live in Seller Central, and the app's authorization stays
            until you remove it there.
          </AlertDialog>
        </DialogTrigger>
        {authorised && (
          <Button
            variant="secondary"
            onPress={runCheck}
            isPending={check.status === 'checking'}
            aria-label={`Check connection for ${store.name}`}
            data-testid="check-connection"
          >
            Check connection
          </Button>
        )}
        {check.status === 'checking' && <ProgressCircle size="S" isIndeterminate aria-label="Checking connection" />}
      </Flex>
      {auth.url && (
        <Text data-testid="consent-opened">
          Seller Central opened in a new tab. If it did not,{' '}
          <Link>
            <a href={auth.url} target="_blank" rel="noreferrer" data-testid="consent-link">
              open the authorization page
            </a>
          </Link>
          . This card updates once Amazon confirms.
        </Text>
      )}
      {(auth.message || failure) && (
        <InlineAlert variant="negative" marginTop="size-200" data-testid="store-action-error">
          <Heading>That did not work</Heading>
          <Content>{auth.message ?? failure}</Content>
        </InlineAlert>
      )}
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
