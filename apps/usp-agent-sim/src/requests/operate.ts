import { err, ok } from '@fleetlog/domain';
import type { Result } from '@fleetlog/domain';
import type { Operate, OperateResp, StringMap } from '@fleetlog/usp';
import type { DataModel, ObjectRef } from '../data-model/data-model.js';
import { UspErrorCode, failure } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';
import type { Handled } from './all-or-nothing.js';
import type { AgentEffect } from './effects.js';

export interface OperateContext {
  model: DataModel;
  /** Who asked: Device.LocalAgent.Request.{i}.Originator. */
  controllerId: string;
  /** [0, 1): simulated measurements (IPPing response times). */
  random: () => number;
  /** Fault injection: every command of this Operate fails with this instead of running. */
  injectedFailure?: UspFailure;
}

interface CommandCall {
  model: DataModel;
  object: ObjectRef;
  input: StringMap;
  commandKey: string;
  random: () => number;
}

type CommandRun = (call: CommandCall) => Result<{ output: StringMap; effects?: AgentEffect[] }, UspFailure>;

type OperationResult = OperateResp['operationResults'][number];

const WAN_ADDRESS = 'Device.IP.Interface.1.IPv4Address.1.IPAddress';

const pingOutput = (status: string, source: string, attempts: number, roundTripsUs: readonly number[]): StringMap => {
  const [min = 0, max = 0] = [Math.min(...roundTripsUs), Math.max(...roundTripsUs)].map((v) => (Number.isFinite(v) ? v : 0));
  const average = roundTripsUs.length === 0 ? 0 : Math.round(roundTripsUs.reduce((a, b) => a + b, 0) / roundTripsUs.length);
  const ms = (us: number) => String(Math.round(us / 1000));
  return {
    Status: status,
    IPAddressUsed: source,
    SuccessCount: String(roundTripsUs.length),
    FailureCount: String(attempts - roundTripsUs.length),
    AverageResponseTime: ms(average),
    MinimumResponseTime: ms(min),
    MaximumResponseTime: ms(max),
    AverageResponseTimeDetailed: String(average),
    MinimumResponseTimeDetailed: String(min),
    MaximumResponseTimeDetailed: String(max),
  };
};

// TR-181 IPPing(): a Host that cannot resolve (*.invalid, RFC 2606) completes with an error status.
const ipPing: CommandRun = ({ model, input, random }) => {
  const host = input['Host'] ?? '';
  if (host === '') return err(failure(UspErrorCode.invalidCommandArguments, 'IPPing() needs a Host'));
  const repetitions = input['NumberOfRepetitions'] ?? '3';
  if (!/^[1-9][0-9]{0,3}$/.test(repetitions)) return err(failure(UspErrorCode.invalidCommandArguments, 'NumberOfRepetitions must be 1 to 9999'));
  const attempts = Number(repetitions);
  const source = model.get(WAN_ADDRESS) ?? '';
  if (host.endsWith('.invalid')) return ok({ output: pingOutput('Error_CannotResolveHostName', source, attempts, []) });
  const roundTripsUs = Array.from({ length: attempts }, () => Math.round(5_000 + random() * 30_000));
  return ok({ output: pingOutput('Complete', source, attempts, roundTripsUs) });
};

/** What each command of the model does, by supported path. */
const COMMANDS: Readonly<Record<string, CommandRun>> = {
  'Device.Reboot()': ({ commandKey }) => ok({ output: {}, effects: [{ type: 'reboot', cause: 'RemoteReboot', commandKey }] }),
  'Device.FactoryReset()': ({ commandKey }) => ok({ output: {}, effects: [{ type: 'reboot', cause: 'RemoteFactoryReset', commandKey }] }),
  'Device.IP.Interface.{i}.Reset()': () => ok({ output: {} }),
  'Device.IP.Diagnostics.IPPing()': ipPing,
};

const supportedPathOf = (path: string): string => path.replace(/\.[0-9]+(?=\.)/g, '.{i}');

/** R-OPR.0: an asynchronous command is tracked by a Device.LocalAgent.Request.{i}. instance while it runs. */
const startRequest = (model: DataModel, command: string, commandKey: string, originator: string): string | UspFailure => {
  const resolved = model.resolve('Device.LocalAgent.Request.');
  const table = resolved.ok && resolved.value.target === 'table' ? resolved.value.tables[0] : undefined;
  if (table === undefined) return failure(UspErrorCode.internalError, 'no Device.LocalAgent.Request. table');
  const created = model.addInstance(table);
  if (!created.ok) return failure(UspErrorCode.resourcesExceeded, created.error.errMsg);
  const values: StringMap = { Originator: originator, Command: command, CommandKey: commandKey, Status: 'Active' };
  for (const [name, value] of Object.entries(values)) {
    const param = model.locate(created.value, name);
    if (param !== undefined) model.write(param, value);
  }
  return created.value.path;
};

const cmdFailure = (executedCommand: string, { errCode, errMsg }: UspFailure): OperationResult => ({ executedCommand, operationResp: { type: 'cmdFailure', errCode, errMsg } });

/**
 * TR-369 Operate on every object the command path matches. Synchronous commands answer with
 * their output arguments; asynchronous ones with the Request instance that tracks them, their
 * result following in an OperationComplete Notify. A failing command is a cmd_failure, never an
 * Error (R-OPR.1); an Error only answers a command path that names no command.
 */
export const handleOperate = (request: Operate, ctx: OperateContext): Handled<OperateResp> => {
  const { model } = ctx;
  const error = ({ errCode, errMsg }: UspFailure): Handled<OperateResp> => ({ body: { type: 'Error', errCode, errMsg, paramErrs: [] }, effects: [] });
  const resolved = model.resolve(request.command);
  if (!resolved.ok) return error(resolved.error);
  const target = resolved.value;
  if (target.target !== 'command') return error(failure(UspErrorCode.invalidPath, `${request.command} is not a command`));
  if (target.objects.length === 0) return error(failure(UspErrorCode.objectDoesNotExist, `no object matches ${request.command}`));

  const effects: AgentEffect[] = [];
  const operationResults = target.objects.map((object): OperationResult => {
    const executedCommand = `${object.path}${target.name}`;
    const unknown = Object.keys(request.inputArgs).filter((name) => !target.spec.input.includes(name));
    if (unknown.length > 0) return cmdFailure(executedCommand, failure(UspErrorCode.invalidCommandArguments, `${executedCommand} takes no ${unknown.join(', ')}`));
    const run = COMMANDS[supportedPathOf(executedCommand)];
    const outcome =
      ctx.injectedFailure !== undefined
        ? err(ctx.injectedFailure)
        : run === undefined
          ? err(failure(UspErrorCode.commandFailure, `${executedCommand} is not implemented`))
          : run({ model, object, input: request.inputArgs, commandKey: request.commandKey, random: ctx.random });
    if (!target.spec.async) {
      if (!outcome.ok) return cmdFailure(executedCommand, outcome.error);
      effects.push(...(outcome.value.effects ?? []));
      return { executedCommand, operationResp: { type: 'reqOutputArgs', outputArgs: outcome.value.output } };
    }
    // Arguments are checked before anything starts; any other failure is the operation's outcome.
    if (!outcome.ok && outcome.error.errCode === UspErrorCode.invalidCommandArguments) return cmdFailure(executedCommand, outcome.error);
    const requestPath = startRequest(model, executedCommand, request.commandKey, ctx.controllerId);
    if (typeof requestPath !== 'string') return cmdFailure(executedCommand, requestPath);
    effects.push({
      type: 'operationStarted',
      requestPath,
      objPath: object.path,
      commandName: target.name,
      commandKey: request.commandKey,
      result: outcome.ok ? { type: 'output', outputArgs: outcome.value.output } : { type: 'failure', ...outcome.error },
    });
    return { executedCommand, operationResp: { type: 'reqObjPath', reqObjPath: requestPath } };
  });
  return { body: { type: 'OperateResp', operationResults }, effects };
};
