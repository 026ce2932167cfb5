import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  DialogTrigger,
  Divider,
  Form,
  Heading,
  InlineAlert,
  Item,
  Picker,
  ProgressCircle,
  Text,
  TextField,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { MARKETPLACES } from '../../../../src/core/marketplaces';
import { IDENTIFIER_TYPES } from '../../../../src/core/settings/listing-settings';
import { ActionError, messageOf } from '../../api/client';
import { storesApi } from '../../api/stores';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';

const NONE = '__none';

/**
 * Add Amazon Store (SPEC 2.3): website, email, name, marketplace country and the optional identifier mapping.
 * Connect saves the store (waiting for authorisation) and opens the Seller Central consent page in a new tab.
 */
export const AddStoreDialog = ({ onAdded, firstStore = false }: { onAdded: () => void; firstStore?: boolean }) => (
  <DialogTrigger>
    <Button variant="accent" data-testid="add-store">
      Add Amazon Store
    </Button>
    {(close) => (
      <AddStoreForm
        firstStore={firstStore}
        close={close}
        onAdded={() => {
          onAdded();
          close();
        }}
      />
    )}
  </DialogTrigger>
);

const AddStoreForm = ({
  close,
  onAdded,
  firstStore,
}: {
  close: () => void;
  onAdded: () => void;
  firstStore: boolean;
}) => {
  const session = useSession();
  const api = storesApi(session);
  const [options] = useAsync(() => api.commerceOptions(), 'commerce-options');
  const [form, setForm] = useState({
    websiteCode: '',
    email: '',
    name: '',
    country: '',
    productIdType: NONE,
    productIdAttribute: NONE,
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (value: string | number | null) =>
    setForm((current) => ({ ...current, [key]: String(value ?? '') }));
  const invalid = (key: string) => ({
    validationState: fields[key] ? ('invalid' as const) : undefined,
    errorMessage: fields[key],
  });

  const connect = () => {
    setSaving(true);
    setFields({});
    setMessage(undefined);
    // Open the tab now, inside the click, so a popup blocker lets Seller Central through.
    const tab = window.open('', '_blank');
    api
      .addStore({
        websiteCode: form.websiteCode,
        email: form.email,
        name: form.name,
        country: form.country,
        productIdType: form.productIdType === NONE ? null : form.productIdType,
        productIdAttribute: form.productIdAttribute === NONE ? null : form.productIdAttribute,
      })
      .then(({ store }) => api.startAuthorization(store.id))
      .then(
        ({ consentUrl }) => {
          if (tab) tab.location.href = consentUrl;
          setSaving(false);
          onAdded();
        },
        (error: unknown) => {
          tab?.close();
          setSaving(false);
          if (error instanceof ActionError) setFields(error.fields);
          setMessage(messageOf(error));
        },
      );
  };

  return (
    <Dialog data-testid="add-store-dialog">
      <Heading>Add Amazon sales channel</Heading>
      <Divider />
      <Content>
        {firstStore && (
          <InlineAlert variant="info" marginBottom="size-200" data-testid="pre-setup-reminder">
            <Heading>Pre-setup tasks</Heading>
            <Content>
              Before your first store: a Professional Seller Central account, return, tax and shipping settings in
              Seller Central, identifier attributes and currency rates in Commerce. The checklist, with what the app
              could verify already, is under <a href="#/learning">Learning &amp; Preparation</a>.
            </Content>
          </InlineAlert>
        )}
        {options.status === 'loading' && <ProgressCircle aria-label="Loading Commerce websites" isIndeterminate />}
        {options.status === 'error' && (
          <InlineAlert variant="negative">
            <Heading>Commerce could not be reached</Heading>
            <Content>{options.message}</Content>
          </InlineAlert>
        )}
        {options.status === 'ready' && (
          <Form maxWidth="size-6000" validationBehavior="aria">
            <Picker
              label="Magento Website to use for Amazon Listing"
              isRequired
              selectedKey={form.websiteCode || null}
              onSelectionChange={set('websiteCode')}
              data-testid="add-store-website"
              description="Cannot be changed later."
              {...invalid('websiteCode')}
            >
              {options.data.websites.map((website) => (
                <Item key={website.code}>{`${website.name} (${website.code})`}</Item>
              ))}
            </Picker>
            <TextField
              label="Email Address"
              isRequired
              type="email"
              value={form.email}
              onChange={set('email')}
              data-testid="add-store-email"
              {...invalid('email')}
            />
            <TextField
              label="New Store Name"
              isRequired
              value={form.name}
              onChange={set('name')}
              data-testid="add-store-name"
              {...invalid('name')}
            />
            <Picker
              label="Amazon Marketplace Country"
              isRequired
              selectedKey={form.country || null}
              onSelectionChange={set('country')}
              data-testid="add-store-country"
              description="Cannot be changed later."
              {...invalid('country')}
            >
              {MARKETPLACES.map((marketplace) => (
                <Item key={marketplace.country}>{`${marketplace.countryName} (${marketplace.domain})`}</Item>
              ))}
            </Picker>
            <Text>Map your Magento attributes to Amazon (optional)</Text>
            <Picker
              label="Product ID on the Amazon market"
              selectedKey={form.productIdType}
              onSelectionChange={set('productIdType')}
              data-testid="add-store-product-id-type"
              {...invalid('productIdType')}
            >
              {[NONE, ...IDENTIFIER_TYPES].map((type) => (
                <Item key={type}>{type === NONE ? '-- None --' : type}</Item>
              ))}
            </Picker>
            <Picker
              label="Map a Magento attribute"
              selectedKey={form.productIdAttribute}
              onSelectionChange={set('productIdAttribute')}
              data-testid="add-store-product-id-attribute"
              {...invalid('productIdAttribute')}
            >
              {[{ code: NONE, label: '-- None --' }, ...options.data.attributes].map((attribute) => (
                <Item key={attribute.code}>
                  {attribute.code === NONE ? attribute.label : `${attribute.label} (${attribute.code})`}
                </Item>
              ))}
            </Picker>
          </Form>
        )}
        {message && (
          <InlineAlert variant="negative" marginTop="size-200" data-testid="add-store-error">
            <Heading>The store was not added</Heading>
            <Content>{message}</Content>
          </InlineAlert>
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={close}>
          Cancel
        </Button>
        <Button variant="accent" onPress={connect} isPending={saving} data-testid="add-store-connect">
          Connect
        </Button>
      </ButtonGroup>
    </Dialog>
  );
};
