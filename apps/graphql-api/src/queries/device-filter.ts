import type { TenantReader } from '../db/tenant-db.js';
import { ApiError } from '../errors.js';
import { DEVICE_COLUMNS, type DeviceRow } from './rows.js';

export interface DeviceFilter {
  protocol?: string | null;
  productClass?: string | null;
  softwareVersion?: string | null;
  tag?: string | null;
  online?: boolean | null;
  parameter?: { path: string; value: string } | null;
  search?: string | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE clause of a device filter over `devices d`, for one tenant ($1). Values are bound,
 * never spliced; `values` starts with the tenant id and the caller appends its own after.
 */
export const deviceWhere = (tenantId: string, f: DeviceFilter | null | undefined): { where: string; values: unknown[] } => {
  const values: unknown[] = [tenantId];
  const conds = ['d.tenant_id = $1'];
  const bind = (v: unknown) => `$${values.push(v)}`;
  if (f?.protocol != null) conds.push(`d.protocol = ${bind(f.protocol)}`);
  if (f?.productClass != null) conds.push(`d.product_class = ${bind(f.productClass)}`);
  if (f?.softwareVersion != null) conds.push(`d.software_version = ${bind(f.softwareVersion)}`);
  if (f?.tag != null) conds.push(`d.tags @> ARRAY[${bind(f.tag)}]::text[]`);
  if (f?.online != null) conds.push(`d.online = ${bind(f.online)}`);
  if (f?.parameter != null) {
    conds.push(
      `EXISTS (SELECT 1 FROM device_parameters p WHERE p.tenant_id = d.tenant_id AND p.device_id = d.device_id AND p.path = ${bind(f.parameter.path)} AND p.value = ${bind(f.parameter.value)})`,
    );
  }
  if (f?.search != null) {
    const s = f.search.trim();
    if (s.length === 0 || s.length > 128) throw new ApiError('INVALID_ARGUMENTS', 'search must be 1 to 128 characters');
    const p = bind(`%${likeEscape(s)}%`);
    conds.push(`(d.device_id ILIKE ${p} OR d.serial_number ILIKE ${p})`);
  }
  return { where: conds.join(' AND '), values };
};

/**
 * One page of devices matching a filter, in device id order after `afterId`: `first + 1` rows,
 * the extra one telling whether a next page exists. The GraphQL devices query and the benchmark's
 * plain route both run exactly this.
 */
export const devicePage = (read: TenantReader, tenantId: string, filter: DeviceFilter | null | undefined, first: number, afterId?: string): Promise<DeviceRow[]> => {
  const { where, values } = deviceWhere(tenantId, filter);
  const pageWhere = afterId === undefined ? where : `${where} AND d.device_id > $${values.length + 1}`;
  const pageValues = afterId === undefined ? values : [...values, afterId];
  return read(tenantId, (sql) => sql<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices d WHERE ${pageWhere} ORDER BY d.device_id LIMIT ${first + 1}`, pageValues));
};
