/**
 * Fires the alarm triggers of the config's rules, like the `/whisk.system/alarms` feeds on I/O Runtime:
 * `interval` (every `minutes`), `alarm` (`cron`, UTC) and `once` (`date`), honouring startDate/stopDate.
 * A speed-up factor compresses time: with 60, a 1-minute interval fires every second and cron schedules
 * are evaluated on a clock running 60x faster from the moment the scheduler starts.
 * A firing is skipped (and logged) while the previous alarm run of the same action is still going, so a
 * slow job never piles up behind its own schedule.
 */
import { CronExpressionParser } from 'cron-parser';
import type { ActionRunner } from './action-runner';
import type { AlarmDefinition } from './app-config';
import type { Logger } from './http';

const MAX_TIMEOUT_MS = 2_147_483_647;

export interface AlarmScheduler {
  /** Number of times each rule fired (including skipped firings) and how many runs were skipped. */
  stats(): Record<string, { fired: number; skipped: number }>;
  stop(): void;
}

export function startAlarms(deps: {
  alarms: AlarmDefinition[];
  runner: ActionRunner;
  speedUp: number;
  logger: Logger;
  /** Real clock in ms; tests may inject one. */
  now?: () => number;
}): AlarmScheduler {
  const { alarms, runner, logger } = deps;
  const realNow = deps.now ?? Date.now;
  const speedUp = deps.speedUp > 0 ? deps.speedUp : 1;
  const origin = realNow();
  /** Emulated "now": runs speedUp times faster than the real clock, starting at the real time. */
  const emulatedNow = () => origin + (realNow() - origin) * speedUp;
  const timers = new Set<NodeJS.Timeout>();
  const alarmRuns = new Map<string, number>();
  const counters: Record<string, { fired: number; skipped: number }> = {};
  const lastStatus = new Map<string, string>();
  let stopped = false;

  /** Calls fn when the emulated clock reaches `emulatedAt`. */
  const scheduleAt = (emulatedAt: number, fn: () => void) => {
    if (stopped) return;
    const wait = Math.max(0, (emulatedAt - emulatedNow()) / speedUp);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (stopped) return;
        if (wait > MAX_TIMEOUT_MS) scheduleAt(emulatedAt, fn);
        else fn();
      },
      Math.min(wait, MAX_TIMEOUT_MS),
    );
    timers.add(timer);
  };

  const fire = (alarm: AlarmDefinition) => {
    counters[alarm.ruleName] ??= { fired: 0, skipped: 0 };
    const counter = counters[alarm.ruleName];
    counter.fired += 1;
    if ((alarmRuns.get(alarm.actionFullName) ?? 0) > 0) {
      counter.skipped += 1;
      logger.warn(`alarm ${alarm.ruleName}: skipped, ${alarm.actionFullName} is still running from the last firing`);
      return;
    }
    alarmRuns.set(alarm.actionFullName, 1);
    runner
      .invoke(alarm.actionFullName, { ...alarm.payload })
      .then((activation) => {
        const { status } = activation.response;
        const line = `alarm ${alarm.ruleName} -> ${alarm.actionFullName} ${status} (${activation.duration} ms)`;
        // Failures always; successes only the first time and after a failure, so a sped-up clock stays readable.
        if (status !== 'success') logger.error(line);
        else if (lastStatus.get(alarm.ruleName) !== 'success') logger.info(`${line}; further successes are not logged`);
        lastStatus.set(alarm.ruleName, status);
      })
      .catch((error: unknown) => logger.error(`alarm ${alarm.ruleName} failed to start: ${String(error)}`))
      .finally(() => alarmRuns.set(alarm.actionFullName, 0));
  };

  const parseDate = (value: string | undefined) => (value ? Date.parse(value) : undefined);

  const schedule = (alarm: AlarmDefinition, fromEmulated: number) => {
    const stopAt = parseDate(alarm.stopDate);
    const next = nextFiring(alarm, fromEmulated);
    if (next === undefined || (stopAt !== undefined && next > stopAt)) return;
    scheduleAt(next, () => {
      fire(alarm);
      if (alarm.feed !== 'once') schedule(alarm, next);
    });
  };

  for (const alarm of alarms) {
    const startAt = parseDate(alarm.startDate);
    const begin = Math.max(emulatedNow(), startAt ?? 0);
    if (alarm.feed === 'once' && (parseDate(alarm.date) ?? 0) < emulatedNow()) {
      logger.warn(`alarm ${alarm.ruleName}: once-date ${alarm.date} is in the past, not scheduled`);
      continue;
    }
    if (alarm.feed === 'interval' && startAt !== undefined && startAt > emulatedNow()) {
      // The first interval firing happens at startDate itself.
      scheduleAt(startAt, () => {
        fire(alarm);
        schedule(alarm, startAt);
      });
    } else {
      schedule(alarm, begin);
    }
    logger.info(
      `alarm ${alarm.ruleName}: ${describe(alarm)} -> ${alarm.actionFullName}${speedUp !== 1 ? ` (x${speedUp})` : ''}`,
    );
  }

  return {
    stats: () => structuredClone(counters),
    stop: () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Next emulated time (ms) strictly after `after` at which the alarm fires, if any. */
export function nextFiring(alarm: AlarmDefinition, after: number): number | undefined {
  switch (alarm.feed) {
    case 'interval': {
      const minutes = alarm.minutes ?? 0;
      if (!(minutes > 0)) throw new Error(`alarm ${alarm.ruleName}: interval needs minutes > 0`);
      return after + minutes * 60_000;
    }
    case 'alarm': {
      if (!alarm.cron) throw new Error(`alarm ${alarm.ruleName}: alarm feed needs a cron input`);
      const expression = CronExpressionParser.parse(alarm.cron, { currentDate: new Date(after), tz: 'UTC' });
      return expression.next().getTime();
    }
    case 'once': {
      const at = alarm.date ? Date.parse(alarm.date) : Number.NaN;
      if (Number.isNaN(at)) throw new Error(`alarm ${alarm.ruleName}: once feed needs a valid date`);
      return at > after ? at : undefined;
    }
  }
}

function describe(alarm: AlarmDefinition): string {
  if (alarm.feed === 'interval') return `every ${alarm.minutes} min`;
  if (alarm.feed === 'alarm') return `cron '${alarm.cron}' (UTC)`;
  return `once at ${alarm.date}`;
}
