import type { CwmpMessage, DeviceIdStruct, EventStruct, TransferComplete } from '@fleetlog/cwmp';
import { createDataModel } from '../data-model/data-model.js';
import type { DataModel } from '../data-model/data-model.js';
import { tr098Definition } from '../data-model/tr098.js';
import { tr181Definition } from '../data-model/tr181.js';
import { SimError } from '../errors.js';
import { createAcsAgents } from '../http/acs-client.js';
import { createConnectionRequestServer } from '../http/connection-request-server.js';
import { toCpeFault } from '../rpc/fault-injection.js';
import type { FaultInjection } from '../rpc/fault-injection.js';
import { handleRpc } from '../rpc/handle-rpc.js';
import type { DeferredEffect } from '../rpc/handle-rpc.js';
import { EventCodes, bootEvents, event, eventsAfterFailedDelivery, informEvents, mergeEvents, withoutDelivered } from '../session/events.js';
import type { CompletedTransfer } from '../session/events.js';
import { buildInform, xsdDateTime } from '../session/inform.js';
import { optionProblems, resolveOptions } from './options.js';
import type { SimulatedCpeOptions } from './options.js';
import { createSessionLog } from './session-log.js';
import type { SessionPredicate, SessionRecord, WaitOptions } from './session-log.js';
import { runSession } from './session-runner.js';
import { createTimers } from './timers.js';
import type { Later } from './timers.js';

export interface SimulatedCpe {
  readonly serialNumber: string;
  readonly oui: string;
  readonly productClass: string;
  /** The DeviceIdStruct of its Informs. */
  readonly deviceId: DeviceIdStruct;
  /** Where the ACS sends connection requests (listening from creation on). */
  readonly connectionRequestUrl: string;
  /** The live parameter tree. */
  readonly model: DataModel;
  /** Finished sessions, in order. */
  readonly sessions: readonly SessionRecord[];
  /** Every message the ACS sent, over all sessions, in order. */
  readonly received: readonly CwmpMessage[];
  /** Events raised and not yet delivered. */
  readonly pendingEvents: readonly EventStruct[];
  /**
   * Powers the device on: '0 BOOTSTRAP' + '1 BOOT' the first time (and after FactoryReset), '1 BOOT'
   * after that. Resolves with the session that carried the boot, whatever its outcome (the CPE
   * keeps retrying a failed one on its own).
   */
  boot(): Promise<SessionRecord>;
  /** Opens a session with these events (default '2 PERIODIC'); resolves with it once it is over. */
  inform(events?: ReadonlyArray<string | EventStruct>): Promise<SessionRecord>;
  /**
   * A change made on the device itself (not by the ACS). With notification 2 it opens a session
   * with '4 VALUE CHANGE' carrying the parameter; with 1 the change waits for the next session.
   * Throws SIM_INVALID_CHANGE for an unknown parameter or a value its type does not allow.
   */
  changeValue(path: string, value: string): void;
  /** The first session (index >= since, default 0: past sessions count) matching the predicate. */
  waitForSession(predicate?: SessionPredicate, options?: WaitOptions): Promise<SessionRecord>;
  /** Replaces the injected faults. */
  setFaults(faults: FaultInjection): void;
  /** Closes the listener, the HTTP agents and every timer; a session in flight ends as SIM_STOPPED. */
  stop(): Promise<void>;
}


const firmwareVersionIn = (name: string): string | undefined => /(\d+(?:\.\d+)+)/.exec(name)?.[1];

export const createSimulatedCpe = async (input: SimulatedCpeOptions): Promise<SimulatedCpe> => {
  const options = resolveOptions(input);
  const problems = optionProblems(options);
  if (problems.length > 0) throw new SimError('SIM_CONFIG_INVALID', `invalid simulated CPE options:\n  ${problems.join('\n  ')}`, false);
  const { now, logger, timings, serialNumber } = options;

  const identity = {
    manufacturer: options.manufacturer,
    oui: options.oui,
    productClass: options.productClass,
    serialNumber,
    softwareVersion: options.softwareVersion,
    hardwareVersion: options.hardwareVersion,
    provisioningCode: '',
  };
  const management = {
    url: options.acsUrl,
    username: options.username,
    password: options.password,
    periodicInformEnable: options.periodicInformEnable,
    periodicInformInterval: options.periodicInformInterval,
    connectionRequestUsername: options.connectionRequest.username,
    connectionRequestPassword: options.connectionRequest.password,
  };
  const definition = (options.dataModel === 'tr098' ? tr098Definition : tr181Definition)(identity, management, { hosts: options.hosts });
  const model = createDataModel(definition, { now });
  const ms = (name: string) => `${model.rootName}.ManagementServer.${name}`;

  const applyFactoryNotifications = () => {
    const result = model.setParameterAttributes(
      Object.entries(options.notifications).map(([name, notification]) => ({ name, notificationChange: true, notification, accessListChange: false, accessList: [] })),
    );
    if (!result.ok) throw new SimError('SIM_CONFIG_INVALID', `notifications: ${result.error.faultString}`, false);
  };
  applyFactoryNotifications();

  const agents = createAcsAgents();
  const log = createSessionLog();
  const received: CwmpMessage[] = [];
  const abort = new AbortController();
  const { later, cancel, cancelAll, close: closeTimers } = createTimers();

  let faults = options.faults;
  let pending: EventStruct[] = [];
  /** Changed parameter -> version, so a change made during a session survives the delivery of the one before. */
  const valueChanges = new Map<string, number>();
  let changeVersion = 0;
  let transfers: CompletedTransfer[] = [];
  let needsBootstrap = true;
  let retryCount = 0;
  let started = 0;
  let powered = false;
  let stopped = false;
  let wanted = false;
  let running = false;
  let sessionRunning = false;
  let connectionRequestDuringSession = false;
  let loop: Promise<void> = Promise.resolve();
  let periodicTimer: Later | undefined;
  let retryTimer: Later | undefined;
  let rebootTimer: Later | undefined;
  let rpcId = 0;

  // ---- sessions ----

  const requestSession = () => {
    if (stopped || !powered) return;
    wanted = true;
    cancel(retryTimer);
    retryTimer = undefined;
    if (running) return;
    running = true;
    loop = runLoop();
  };

  const raise = (events: readonly EventStruct[], openSession = true) => {
    pending = mergeEvents(pending, events);
    if (openSession) requestSession();
  };

  const runLoop = async () => {
    try {
      // A trigger during a session (connection request, value change) runs another one right after.
      while (wanted && powered && !stopped) {
        wanted = false;
        await runOneSession();
      }
    } finally {
      running = false;
    }
  };

  /** TR-069 3.2.1.1: a random wait in [m·2^(n-1), m·2^n], capped. */
  const retryDelay = (failures: number): number => {
    const low = Math.min(timings.retryMaxMs, timings.retryMinMs * 2 ** Math.max(0, failures - 1));
    const high = Math.min(timings.retryMaxMs, low * 2);
    return Math.round(low + (high - low) * options.random());
  };

  const toTransferComplete = (t: CompletedTransfer): TransferComplete => ({
    type: 'TransferComplete',
    commandKey: t.commandKey,
    fault: { faultCode: t.faultCode, faultString: t.faultString },
    startTime: t.startTime,
    completeTime: t.completeTime,
  });

  const runOneSession = async () => {
    const sentEvents = informEvents(pending, transfers);
    // After a failed session whose events were delivered, there is nothing left to tell the ACS.
    if (sentEvents.length === 0) return;
    const index = started++;
    const changes = new Map(valueChanges);
    const requests = new Map(transfers.map((t) => [toTransferComplete(t), t] as const));
    const inform = buildInform({ model, events: sentEvents, valueChanges: [...changes.keys()], retryCount, now: now() });
    const startedAt = now();
    const username = model.get(ms('Username')) ?? '';
    const password = model.get(ms('Password')) ?? '';
    sessionRunning = true;
    connectionRequestDuringSession = false;
    let url: URL | undefined;
    try {
      url = new URL(model.get(ms('URL')) ?? '');
    } catch {
      url = undefined;
    }
    const result =
      url === undefined
        ? {
            outcome: 'failed' as const,
            error: { code: 'SIM_CONFIG_INVALID' as const, message: `ManagementServer.URL ${JSON.stringify(model.get(ms('URL')))} is not a URL`, retriable: false },
            informDelivered: false,
            received: [],
            sent: [],
            rpcs: [],
            effects: [],
            cookies: {},
          }
        : await runSession({
            url,
            agents,
            client: {
              credentials: username === '' && password === '' ? undefined : { username, password },
              gzip: options.gzip,
              timeoutMs: timings.requestTimeoutMs,
              cnonce: () => options.randomHex(8),
              now,
              signal: abort.signal,
            },
            settings: { namespace: options.cwmpNamespace, maxRpcs: options.maxRpcsPerSession, newId: () => `${serialNumber}-${++rpcId}` },
            inform,
            requests: [...requests.keys()],
            answer: (rpc) => handleRpc(rpc, { model, faults }),
            onInformDelivered: () => {
              pending = withoutDelivered(pending, sentEvents);
              for (const [name, version] of changes) if (valueChanges.get(name) === version) valueChanges.delete(name);
              if (sentEvents.some((e) => e.eventCode === EventCodes.bootstrap)) needsBootstrap = false;
            },
            onTransferDelivered: (request) => {
              const delivered = requests.get(request);
              transfers = transfers.filter((t) => t !== delivered);
            },
            onReceived: (message) => received.push(message),
          });
    sessionRunning = false;

    if (result.outcome === 'completed') retryCount = 0;
    else {
      retryCount += 1;
      if (!result.informDelivered) {
        pending = eventsAfterFailedDelivery(pending);
        if (connectionRequestDuringSession) pending = mergeEvents(pending, [event(EventCodes.connectionRequest)]);
      }
    }

    const record: SessionRecord = {
      index,
      events: sentEvents,
      eventCodes: sentEvents.map((e) => e.eventCode),
      retryCount: inform.retryCount,
      startedAt,
      endedAt: now(),
      outcome: result.outcome,
      ...(result.error === undefined ? {} : { error: result.error }),
      received: result.received,
      sent: result.sent,
      rpcs: result.rpcs,
      cookies: result.cookies,
    };
    const summary = {
      serialNumber,
      session: index,
      events: record.eventCodes,
      rpcs: result.rpcs.map((r) => (r.response.type === 'Fault' ? `${r.request.type}:fault ${r.response.cwmpFault.faultCode}` : r.request.type)),
      durationMs: record.endedAt - startedAt,
    };
    if (result.outcome === 'completed') logger.info(summary, 'CWMP session completed');
    else logger.warn({ ...summary, error: result.error }, 'CWMP session failed');
    log.add(record);

    if (stopped) return;
    if (result.outcome === 'failed' && result.error?.retriable) {
      // Retry-After is honoured up to retryMaxMs, so a demo does not sit out an ACS's long pause.
      const delay = Math.min(result.error.retryAfterMs ?? retryDelay(retryCount), timings.retryMaxMs);
      logger.debug({ serialNumber, delayMs: delay, retryCount }, 'retrying the session later');
      retryTimer = later(delay, requestSession);
    }
    applyEffects(result.effects);
  };

  // ---- what the device does on its own ----

  const armPeriodic = () => {
    cancel(periodicTimer);
    periodicTimer = undefined;
    const enabled = ['true', '1'].includes(model.get(ms('PeriodicInformEnable')) ?? '');
    const interval = Number(model.get(ms('PeriodicInformInterval')));
    if (!enabled || !(interval > 0) || !powered) return;
    periodicTimer = later(interval * 1000, () => {
      raise([event(EventCodes.periodic)]);
      armPeriodic();
    });
  };

  const powerOn = (extraEvents: readonly EventStruct[]) => {
    cancel(rebootTimer);
    rebootTimer = undefined;
    powered = true;
    model.markBooted(now());
    raise([...bootEvents(needsBootstrap), ...extraEvents]);
    armPeriodic();
  };

  const powerCycle = (extraEvents: readonly EventStruct[]) => {
    powered = false;
    cancel(periodicTimer);
    cancel(retryTimer);
    cancel(rebootTimer);
    rebootTimer = later(timings.rebootMs, () => powerOn(extraEvents));
  };

  const factoryReset = () => {
    // Scheduled informs and transfers in progress die with the old configuration.
    cancelAll();
    model.reset();
    model.setLocal(ms('ConnectionRequestURL'), connectionRequestUrl);
    applyFactoryNotifications();
    pending = [];
    valueChanges.clear();
    transfers = [];
    needsBootstrap = true;
    powerCycle([]);
  };

  const startTransfer = (effect: Extract<DeferredEffect, { type: 'transfer' }>) => {
    later(effect.delaySeconds * 1000, () => {
      const startTime = xsdDateTime(now());
      later(timings.transferMs, () => {
        const fault = faults.transfer === undefined ? { faultCode: 0, faultString: '' } : toCpeFault(faults.transfer);
        transfers.push({ direction: effect.direction, commandKey: effect.commandKey, startTime, completeTime: xsdDateTime(now()), ...fault });
        const firmware = effect.direction === 'download' && fault.faultCode === 0 && effect.fileType.startsWith('1 ');
        if (!firmware) {
          requestSession();
          return;
        }
        // A new image boots: the next Inform has '1 BOOT' next to '7 TRANSFER COMPLETE' and 'M Download'.
        const version = firmwareVersionIn(effect.targetFileName) ?? firmwareVersionIn(new URL(effect.url).pathname.split('/').pop() ?? '');
        if (version !== undefined) model.setLocal(`${model.rootName}.DeviceInfo.SoftwareVersion`, version);
        powerCycle([]);
      });
    });
  };

  const onAcsChanged = (names: readonly string[]) => {
    if (names.some((name) => name.startsWith(ms('PeriodicInform')))) armPeriodic();
    // TR-069 Table 7: a new ACS URL means a fresh BOOTSTRAP with that ACS.
    if (names.includes(ms('URL'))) {
      needsBootstrap = true;
      raise([event(EventCodes.bootstrap)]);
    }
  };

  const applyEffects = (effects: readonly DeferredEffect[]) => {
    const rebootKeys: string[] = [];
    let reset = false;
    for (const effect of effects) {
      switch (effect.type) {
        case 'reboot':
          rebootKeys.push(effect.commandKey);
          break;
        case 'factory-reset':
          reset = true;
          break;
        case 'transfer':
          startTransfer(effect);
          break;
        case 'schedule-inform':
          later(effect.delaySeconds * 1000, () => raise([event(EventCodes.scheduled), event(EventCodes.mScheduleInform, effect.commandKey)]));
          break;
        case 'parameters-changed':
          onAcsChanged(effect.names);
          break;
      }
    }
    if (reset) factoryReset();
    else if (rebootKeys.length > 0) powerCycle(rebootKeys.map((key) => event(EventCodes.mReboot, key)));
  };

  // ---- connection requests ----

  const server = createConnectionRequestServer({
    host: options.connectionRequest.host,
    port: options.connectionRequest.port,
    advertisedHost: options.connectionRequest.advertisedHost,
    path: `/cr/${encodeURIComponent(serialNumber)}`,
    realm: 'Fleetlog CPE',
    credentials: () => ({ username: model.get(ms('ConnectionRequestUsername')) ?? '', password: model.get(ms('ConnectionRequestPassword')) ?? '' }),
    onConnectionRequest: () => {
      logger.debug({ serialNumber }, 'connection request accepted');
      if (sessionRunning) connectionRequestDuringSession = true;
      // A device that is rebooting answers nothing useful; the event waits for it to come up.
      raise([event(EventCodes.connectionRequest)], powered);
    },
    onRejected: (reason) => logger.warn({ serialNumber, reason }, 'connection request refused'),
    randomHex: options.randomHex,
    now,
  });
  let connectionRequestUrl: string;
  try {
    connectionRequestUrl = await server.start();
  } catch (error) {
    agents.destroy();
    throw new SimError('SIM_CONFIG_INVALID', `cannot listen for connection requests on ${options.connectionRequest.host}:${options.connectionRequest.port}`, false, { cause: error });
  }
  model.setLocal(ms('ConnectionRequestURL'), connectionRequestUrl);

  const nextSession = () => log.waitFor(() => true, { since: started, timeoutMs: Number.POSITIVE_INFINITY });

  let stopping: Promise<void> | undefined;

  return {
    serialNumber,
    oui: options.oui,
    productClass: options.productClass,
    deviceId: { manufacturer: options.manufacturer, oui: options.oui, productClass: options.productClass, serialNumber },
    connectionRequestUrl,
    model,
    sessions: log.records,
    received,
    get pendingEvents() {
      return pending;
    },

    boot() {
      if (stopped) return Promise.reject(new SimError('SIM_STOPPED', 'the simulated CPE stopped', false));
      const next = nextSession();
      // Powering on a running device is a power cycle: no M Reboot, since no one asked for it.
      if (powered) powerCycle([]);
      else powerOn([]);
      return next;
    },

    inform(events = [EventCodes.periodic]) {
      if (stopped) return Promise.reject(new SimError('SIM_STOPPED', 'the simulated CPE stopped', false));
      const next = nextSession();
      raise(events.map((e) => (typeof e === 'string' ? event(e) : e)));
      return next;
    },

    changeValue(path, value) {
      const result = model.setLocal(path, value);
      if (!result.ok) throw new SimError('SIM_INVALID_CHANGE', result.error.faultString, false);
      const notification = model.parameter(path)?.notification ?? 0;
      if (!result.value.changed || notification === 0) return;
      valueChanges.set(path, ++changeVersion);
      raise([event(EventCodes.valueChange)], notification === 2);
    },

    waitForSession(predicate = () => true, waitOptions) {
      return log.waitFor(predicate, waitOptions);
    },

    setFaults(next) {
      faults = next;
    },

    stop() {
      stopping ??= (async () => {
        stopped = true;
        powered = false;
        abort.abort();
        closeTimers();
        await server.stop();
        await loop.catch(() => undefined);
        log.close();
        agents.destroy();
      })();
      return stopping;
    },
  };
};
