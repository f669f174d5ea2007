import type { ParamSetting, ParameterError, StringMap, UspErrorFields } from '@fleetlog/usp';
import type { DataModel, ObjectRef, ParamRef } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';
import type { AgentEffect } from './effects.js';

export interface SettingError extends ParameterError {
  required: boolean;
}

export interface PreparedSettings {
  object: ObjectRef;
  writes: { param: ParamRef; relativeName: string; value: string }[];
  errors: SettingError[];
}

/**
 * Checks Set or Add parameter settings against one object without writing anything: unknown
 * (7010), read-only (7013), wrong type (7011) or value (7012), or a unique key another instance
 * already has (7025).
 */
export const prepareSettings = (model: DataModel, object: ObjectRef, settings: readonly ParamSetting[]): PreparedSettings => {
  const errors: SettingError[] = [];
  const writes: PreparedSettings['writes'] = [];
  const refuse = ({ param, required }: ParamSetting, { errCode, errMsg }: UspErrorFields) => errors.push({ param, errCode, errMsg, required });
  for (const setting of settings) {
    const param = model.locate(object, setting.param);
    if (param === undefined) refuse(setting, { errCode: UspErrorCode.unsupportedParameter, errMsg: `${object.path} has no parameter ${setting.param}` });
    else if (!param.spec.writable || param.spec.compute !== undefined) refuse(setting, { errCode: UspErrorCode.notWritable, errMsg: `${object.path}${setting.param} is read-only` });
    else {
      const problem = model.checkValue(param.spec, setting.value);
      if (problem !== undefined) refuse(setting, { errCode: problem.errCode, errMsg: `${object.path}${setting.param}: ${problem.errMsg}` });
      else writes.push({ param, relativeName: setting.param, value: setting.value });
    }
  }
  const proposed = Object.fromEntries(writes.map((w) => [w.relativeName, w.value]));
  const conflicts = new Set(model.keyConflicts(object, proposed));
  for (const write of writes.filter((w) => conflicts.has(w.relativeName))) {
    const setting = settings.find((s) => s.param === write.relativeName);
    if (setting !== undefined) refuse(setting, { errCode: UspErrorCode.duplicateUniqueKey, errMsg: `another instance of ${object.instanceOf?.table.path ?? object.path} has that ${write.relativeName}` });
  }
  return { object, writes: writes.filter((w) => !conflicts.has(w.relativeName)), errors };
};

export const failsRequired = (prepared: PreparedSettings): boolean => prepared.errors.some((e) => e.required);

export const parameterErrors = (errors: readonly SettingError[]): ParameterError[] => errors.map(({ param, errCode, errMsg }) => ({ param, errCode, errMsg }));

/** Writes what prepareSettings accepted; returns the new values by relative name and the changes as effects. */
export const applySettings = (model: DataModel, prepared: PreparedSettings, effects: AgentEffect[]): StringMap => {
  const updated: StringMap = {};
  for (const { param, relativeName, value } of prepared.writes) {
    const before = model.read(param);
    model.write(param, value);
    const after = model.read(param);
    updated[relativeName] = after;
    if (after !== before) effects.push({ type: 'valueChanged', path: `${param.object.path}${param.name}`, value: after });
  }
  return updated;
};
