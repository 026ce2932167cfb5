import {
  Button,
  Content,
  Flex,
  Heading,
  InlineAlert,
  Link,
  ProgressCircle,
  StatusLight,
  Text,
  TextField,
  View,
} from '@adobe/react-spectrum';
import { type CSSProperties, useState } from 'react';
import { ActionError, messageOf } from '../../api/client';
import { type StoreSettingsView, type StoreView, storesApi } from '../../api/stores';
import { flagEmoji, formatDateTime, STORE_STATUS } from '../../format';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';
import { areaHref, storeHref, useHashQuery } from './hash-query';
import { SettingsSectionForm } from './SettingsSectionForm';

/** Store dashboard (SPEC 2.8): header, left menu of settings and product areas, Seller Central links. */
const AREAS: Array<{ id: string; label: string }> = [
  { id: 'listings', label: 'Product Listings' },
  { id: 'pricing', label: 'Pricing rules' },
  { id: 'orders', label: 'Orders' },
  { id: 'logs', label: 'Logs' },
  { id: 'reports', label: 'Store reports' },
];

const menuLink = (active: boolean): CSSProperties => ({
  display: 'block',
  padding: '4px 8px',
  borderRadius: 4,
  textDecoration: 'none',
  color: 'var(--spectrum-global-color-gray-800)',
  background: active ? 'var(--spectrum-global-color-gray-200)' : 'transparent',
  fontWeight: active ? 700 : 400,
});

export const StoreDashboard = ({ storeId }: { storeId: string }) => {
  const session = useSession();
  const api = storesApi(session);
  const [round, setRound] = useState(0);
  const [data] = useAsync(
    () => Promise.all([api.getStore(storeId), api.getSettings(storeId), api.commerceOptions().catch(() => undefined)]),
    `store-${storeId}-${round}`,
  );
  const section = useHashQuery().get('section') ?? 'productListingActions';

  if (data.status === 'loading') return <ProgressCircle aria-label="Loading the store" isIndeterminate />;
  if (data.status === 'error')
    return (
      <InlineAlert variant="negative" data-testid="store-dashboard-error">
        <Heading>The store could not be loaded</Heading>
        <Content>
          {data.message} <Link href="#/">Back to Amazon Stores</Link>
        </Content>
      </InlineAlert>
    );
  const [{ store }, settings, options] = data.data;
  const status = STORE_STATUS[store.status];
  const listingSections = settings.listingForm?.sections ?? [];
  const menu = [
    ...listingSections.map((s) => ({ id: s.id, label: s.title })),
    { id: 'orderSettings', label: 'Order settings' },
    { id: 'integration', label: 'Store integration settings' },
  ];
  const reloaded = () => setRound((value) => value + 1);

  return (
    <View data-testid="store-dashboard">
      <Flex alignItems="center" gap="size-200" wrap marginBottom="size-200">
        <Text UNSAFE_style={{ fontSize: 32 }}>{flagEmoji(store.country)}</Text>
        <Heading level={2} margin={0} data-testid="dashboard-store-name">
          {store.name}
        </Heading>
        <Text>Website {store.websiteCode}</Text>
        <StatusLight variant={status.tone === 'neutral' ? 'neutral' : status.tone} data-testid="dashboard-status">
          {status.label}
        </StatusLight>
        <Text>Created {formatDateTime(store.createdAt)}</Text>
        <Text>Last updated {formatDateTime(store.updatedAt)}</Text>
        <Link>
          <a href="#/" data-testid="dashboard-back">
            All stores
          </a>
        </Link>
      </Flex>
      <Flex gap="size-300">
        <nav aria-label="Store settings" style={{ width: 240, flexShrink: 0 }}>
          <Text UNSAFE_style={{ fontWeight: 700 }}>Store Settings</Text>
          {menu.map((item) => (
            <a
              key={item.id}
              href={storeHref(store.id, item.id)}
              style={menuLink(item.id === section)}
              data-testid={`store-menu-${item.id}`}
              aria-current={item.id === section ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
          <Text UNSAFE_style={{ fontWeight: 700, display: 'block', marginTop: 12 }}>Store areas</Text>
          {AREAS.map((area) => (
            <a
              key={area.id}
              href={areaHref(area.id, store.id)}
              style={menuLink(false)}
              data-testid={`store-area-${area.id}`}
            >
              {area.label}
            </a>
          ))}
          <Text UNSAFE_style={{ fontWeight: 700, display: 'block', marginTop: 12 }}>Seller Central</Text>
          {store.sellerCentral.map((link) => (
            <a
              key={link.id}
              href={link.url}
              target="_blank"
              rel="noreferrer"
              style={menuLink(false)}
              data-testid={`seller-central-${link.id}`}
            >
              {link.label}
            </a>
          ))}
        </nav>
        <View flexGrow={1} minWidth={0}>
          <SectionPanel
            key={`${section}-${round}`}
            section={section}
            store={store}
            settings={settings}
            options={options}
            onSaved={reloaded}
          />
        </View>
      </Flex>
    </View>
  );
};

const SectionPanel = ({
  section,
  store,
  settings,
  options,
  onSaved,
}: {
  section: string;
  store: StoreView;
  settings: StoreSettingsView;
  options: Awaited<ReturnType<ReturnType<typeof storesApi>['commerceOptions']>> | undefined;
  onSaved: () => void;
}) => {
  const api = storesApi(useSession());
  if (section === 'integration') return <IntegrationSettings store={store} onSaved={onSaved} />;
  if (section === 'orderSettings') {
    const form = settings.orderForm;
    return (
      <>
        <Heading level={3}>Order Settings</Heading>
        <SettingsSectionForm
          values={settings.order}
          fields={form?.fields ?? form?.sections?.flatMap((part) => part.fields) ?? []}
          prefix=""
          country={store.country}
          options={options}
          saveLabel={form?.saveLabel ?? 'Save order settings'}
          onSave={(values) => api.saveSettings(store.id, 'orderSettings', values)}
          testId="settings-section-orderSettings"
        />
      </>
    );
  }
  const found = settings.listingForm?.sections?.find((candidate) => candidate.id === section);
  if (!found) return <Text>Choose a section on the left.</Text>;
  return (
    <>
      <Heading level={3}>Listing Settings — {found.title}</Heading>
      <SettingsSectionForm
        values={settings.listing[section] ?? {}}
        fields={found.fields}
        prefix={`${section}.`}
        country={store.country}
        options={options}
        saveLabel={settings.listingForm?.saveLabel ?? 'Save listing settings'}
        onSave={(values) => api.saveSettings(store.id, section, values)}
        testId={`settings-section-${section}`}
      />
    </>
  );
};

const IntegrationSettings = ({ store, onSaved }: { store: StoreView; onSaved: () => void }) => {
  const api = storesApi(useSession());
  const [name, setName] = useState(store.name);
  const [email, setEmail] = useState(store.email ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const save = () => {
    setFields({});
    setMessage(undefined);
    api.updateStore(store.id, { name, email }).then(onSaved, (error: unknown) => {
      if (error instanceof ActionError) setFields(error.fields);
      setMessage(messageOf(error));
    });
  };
  return (
    <Flex direction="column" gap="size-150" data-testid="settings-section-integration">
      <Heading level={3}>Store Integration Settings</Heading>
      <TextField
        label="New Store Name"
        value={name}
        onChange={setName}
        validationState={fields.name ? 'invalid' : undefined}
        errorMessage={fields.name}
        data-testid="integration-name"
        width="size-4600"
      />
      <TextField
        label="Email Address"
        value={email}
        onChange={setEmail}
        validationState={fields.email ? 'invalid' : undefined}
        errorMessage={fields.email}
        data-testid="integration-email"
        width="size-4600"
      />
      <Text>
        Website {store.websiteCode} and marketplace {store.country} cannot be changed: delete the store and add it
        again.
      </Text>
      <Button variant="accent" onPress={save} data-testid="integration-save" width="size-2000">
        Save
      </Button>
      {message && (
        <InlineAlert variant="negative">
          <Heading>Not saved</Heading>
          <Content>{message}</Content>
        </InlineAlert>
      )}
    </Flex>
  );
};
