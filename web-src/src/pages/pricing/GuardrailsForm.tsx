import {
  Button,
  Content,
  Flex,
  Heading,
  InlineAlert,
  NumberField,
  Switch,
  TextField,
  View,
} from '@adobe/react-spectrum';
import { useEffect, useState } from 'react';
import { ActionError, messageOf } from '../../api/client';
import type { Guardrails, PricingClient } from '../../api/pricing';
import { useAsync } from '../../use-async';

/** Repricing guardrails of the store: kill switch, maximum step per change and per day, cooldown per SKU. */
export const GuardrailsForm = ({ client, storeId }: { client: PricingClient; storeId: string }) => {
  const [loaded] = useAsync(() => client.getGuardrails(storeId), storeId);
  const [form, setForm] = useState<Guardrails | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  useEffect(() => {
    if (loaded.status === 'ready') setForm(loaded.data);
  }, [loaded]);
  if (!form) return null;
  const save = async () => {
    try {
      setForm(await client.saveGuardrails(storeId, form));
      setMessage({ ok: true, text: 'Guardrails saved.' });
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error), fields: error instanceof ActionError ? error.fields : {} });
    }
  };
  const fieldError = (name: string) => message?.fields?.[name];
  const repriceNow = async () => {
    setMessage(null);
    try {
      const summary = await client.repriceNow(storeId);
      const lines = summary.outcomes.map(
        (o) => `${o.sku}: ${o.decision}${o.price ? ` ${o.price}` : ''}${o.reason ? ` (${o.reason})` : ''}`,
      );
      setMessage({
        ok: summary.errors.length === 0,
        text: `${summary.messages} competitor notifications, ${summary.polled} polls. ${lines.join('; ') || 'No price changed.'}${summary.errors.length ? ` Errors: ${summary.errors.join('; ')}` : ''}`,
      });
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error) });
    }
  };
  return (
    <View maxWidth="size-6000" data-testid="guardrails">
      <Flex direction="column" gap="size-150">
        <Switch
          isSelected={form.killSwitch}
          onChange={(killSwitch) => setForm({ ...form, killSwitch })}
          isEmphasized
          data-testid="kill-switch"
        >
          Kill switch: stop sending repriced prices for this store
        </Switch>
        <TextField
          label="Maximum step per change (%)"
          description="Empty = no limit"
          value={form.maxStepPercent ?? ''}
          onChange={(v) => setForm({ ...form, maxStepPercent: v.trim() === '' ? null : v.trim() })}
          validationState={fieldError('maxStepPercent') ? 'invalid' : undefined}
          errorMessage={fieldError('maxStepPercent')}
        />
        <TextField
          label="Maximum change per day (%)"
          description="Of the day's opening price; empty = no limit"
          value={form.maxDailyPercent ?? ''}
          onChange={(v) => setForm({ ...form, maxDailyPercent: v.trim() === '' ? null : v.trim() })}
          validationState={fieldError('maxDailyPercent') ? 'invalid' : undefined}
          errorMessage={fieldError('maxDailyPercent')}
        />
        <NumberField
          label="Cooldown per SKU (minutes)"
          minValue={0}
          maxValue={10080}
          value={form.cooldownMinutes}
          onChange={(v) => setForm({ ...form, cooldownMinutes: Number.isFinite(v) ? v : 0 })}
        />
        <Switch
          isSelected={form.competitorPollSource === 'competitiveSummary'}
          onChange={(on) => setForm({ ...form, competitorPollSource: on ? 'competitiveSummary' : 'itemOffers' })}
          data-testid="poll-competitive-summary"
        >
          Poll stale competitor data with Amazon's competitive summary (Buy Box and lowest offers, 20 ASINs a call)
        </Switch>
        <Flex gap="size-100">
          <Button variant="accent" onPress={save} data-testid="guardrails-save">
            Save guardrails
          </Button>
          <Button variant="secondary" onPress={repriceNow} data-testid="reprice-now">
            Reprice now
          </Button>
        </Flex>
        {message && (
          <InlineAlert variant={message.ok ? 'positive' : 'negative'} data-testid="guardrails-message">
            <Heading>{message.ok ? 'Done' : 'Failed'}</Heading>
            <Content>{message.text}</Content>
          </InlineAlert>
        )}
      </Flex>
    </View>
  );
};
