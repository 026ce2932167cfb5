import {
  Button,
  ButtonGroup,
  Content,
  Flex,
  Heading,
  InlineAlert,
  Item,
  Picker,
  ProgressCircle,
  Switch,
  Text,
} from '@adobe/react-spectrum';
import { useEffect, useState } from 'react';
import { ActionError, messageOf } from '../api/client';
import { type GlobalSettings, LOG_RETENTION_VALUES, type LogRetention } from '../api/schemas';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { useSession } from '../session-context';
import { useAsync } from '../use-async';

const RETENTION_LABELS: Record<LogRetention, string> = {
  daily: 'Once Daily',
  weekly: 'Once Weekly',
  monthly: 'Once Monthly',
};

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string; fields: Record<string, string> };

/** Global "Sales Channel Settings" (SPEC §1.2): log retention, debug logging, read-only mode. */
export const SettingsPage = () => {
  const { client } = useSession();
  const [loaded] = useAsync(() => client.getGlobalSettings(), 'settings');
  const [draft, setDraft] = useState<GlobalSettings | undefined>();
  const [save, setSave] = useState<SaveState>({ status: 'idle' });

  useEffect(() => {
    if (loaded.status === 'ready') setDraft(loaded.data);
  }, [loaded]);

  if (loaded.status === 'loading' || (loaded.status === 'ready' && !draft)) {
    return <ProgressCircle aria-label="Loading settings" isIndeterminate />;
  }
  if (loaded.status === 'error' || !draft) {
    return (
      <InlineAlert variant="negative" data-testid="settings-error">
        <Heading>Settings could not be loaded</Heading>
        <Content>{loaded.status === 'error' ? loaded.message : ''}</Content>
      </InlineAlert>
    );
  }

  const fields = save.status === 'failed' ? save.fields : {};
  const change = (patch: Partial<GlobalSettings>) => {
    setDraft({ ...draft, ...patch });
    setSave({ status: 'idle' });
  };
  const submit = () => {
    setSave({ status: 'saving' });
    const { logRetention, debugLogging, readOnlyMode } = draft;
    client.saveGlobalSettings({ logRetention, debugLogging, readOnlyMode }).then(
      (saved) => {
        setDraft(saved);
        setSave({ status: 'saved' });
      },
      (error: unknown) =>
        setSave({
          status: 'failed',
          message: messageOf(error),
          fields: error instanceof ActionError ? error.fields : {},
        }),
    );
  };

  return (
    <>
      <PageHeader title="Sales Channel Settings" description="Global settings that apply to every Amazon store." />
      <form
        aria-label="Sales Channel Settings"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Flex direction="column" gap="size-300" maxWidth="size-6000">
          <Picker
            label="Clear Log History"
            width="size-4600"
            data-testid="setting-log-retention"
            selectedKey={draft.logRetention}
            onSelectionChange={(key) => change({ logRetention: key as LogRetention })}
            description="How often stored log history (communication errors, listing changes) is purged."
            isInvalid={Boolean(fields.logRetention)}
            errorMessage={fields.logRetention}
          >
            {LOG_RETENTION_VALUES.map((value) => (
              <Item key={value}>{RETENTION_LABELS[value]}</Item>
            ))}
          </Picker>
          <Flex direction="column">
            <Switch
              data-testid="setting-debug-logging"
              isSelected={draft.debugLogging}
              onChange={(debugLogging) => change({ debugLogging })}
            >
              Enable Debug Logging
            </Switch>
            <Text>Adds detailed sync entries to the logs. Switch it on only while troubleshooting.</Text>
            {fields.debugLogging && <Text data-testid="field-error-debugLogging">{fields.debugLogging}</Text>}
          </Flex>
          <Flex direction="column">
            <Switch
              data-testid="setting-read-only"
              isSelected={draft.readOnlyMode}
              onChange={(readOnlyMode) => change({ readOnlyMode })}
            >
              Read-Only Mode
            </Switch>
            <Text>
              Holds back every change sent to Amazon and Commerce; changes are kept and sent once it is switched off.
              Meant for staging copies.
            </Text>
            {fields.readOnlyMode && <Text data-testid="field-error-readOnlyMode">{fields.readOnlyMode}</Text>}
          </Flex>
          {draft.readOnlyMode && draft.readOnlyReason === 'commerce_url_changed' && (
            <InlineAlert variant="notice" data-testid="read-only-reason">
              <Heading>Read-only mode was switched on automatically</Heading>
              <Content>
                The Commerce URL changed, which usually means this is a copy of the store database (staging or QA).
                Nothing is sent to Amazon until you switch read-only mode off here.
              </Content>
            </InlineAlert>
          )}
          <ButtonGroup>
            <Button variant="accent" type="submit" isPending={save.status === 'saving'} data-testid="settings-save">
              Save
            </Button>
          </ButtonGroup>
          {draft.updatedAt && (
            <Text data-testid="settings-updated-at">Last saved {formatDateTime(draft.updatedAt)}</Text>
          )}
          {save.status === 'saved' && (
            <InlineAlert variant="positive" data-testid="settings-saved">
              <Heading>Settings saved</Heading>
              <Content>The new settings apply to all Amazon stores.</Content>
            </InlineAlert>
          )}
          {save.status === 'failed' && (
            <InlineAlert variant="negative" data-testid="settings-save-error">
              <Heading>Settings were not saved</Heading>
              <Content>{save.message}</Content>
            </InlineAlert>
          )}
        </Flex>
      </form>
    </>
  );
};
