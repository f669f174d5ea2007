import { parseTenantId } from '@fleetlog/domain';
import type { TenantId } from '@fleetlog/domain';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';

/**
 * Topic layout: `<prefix>/<tenantId>/<vendor>/<native topic...>`. Devices publish their vendor's native
 * topics; the broker mounts each tenant's and vendor's clients under their prefix (a Mosquitto listener
 * with `mount_point fleetlog/<tenantId>/<vendor>/`, or a bridge that remaps), so the tenant comes from
 * what authenticated the device and never from a payload.
 */
export const DEFAULT_TOPIC_PREFIX = 'fleetlog';

export type ParsedTopic = {
  readonly tenantId: TenantId;
  readonly vendor: string;
  readonly nativeTopic: string;
};

// The vendor level is an adapter name, the same slug rule as the MQTT identity's vendor.
const vendorPattern = /^[a-z0-9][a-z0-9._-]{0,62}$/;
// Topic names never hold wildcards, and MQTT forbids U+0000 in them.
export const isTopicName = (text: string): boolean => text !== '' && !text.includes('+') && !text.includes('#') && !text.includes('\u0000');

/** One level of a topic name: what a client id must be to stand in a device's topics. */
export const isTopicLevel = (text: string): boolean => isTopicName(text) && !text.includes('/');

const prefixProblem = (prefix: string): string | undefined =>
  typeof prefix !== 'string' || !isTopicName(prefix) || prefix.split('/').some((level) => level === '')
    ? `topic prefix ${JSON.stringify(prefix)} must be non-empty levels without wildcards`
    : undefined;

const nativeProblem = (nativeTopic: string): string | undefined =>
  !isTopicName(nativeTopic) ? `native topic ${JSON.stringify(nativeTopic.slice(0, 80))} must be a non-empty topic name` : undefined;

// Prefixes already found good: the registry's one prefix is checked once, not per message.
const goodPrefixes = new Set<string>();
const checkedPrefix = (prefix: string): string | undefined => {
  if (goodPrefixes.has(prefix)) return undefined;
  const problem = prefixProblem(prefix);
  if (problem === undefined && goodPrefixes.size < 16) goodPrefixes.add(prefix);
  return problem;
};

/** Splits a topic the ingress received into tenant, vendor and the device's native topic. */
export const parseTopic = (topic: string, prefix: string = DEFAULT_TOPIC_PREFIX): VendorResult<ParsedTopic> => {
  const badPrefix = checkedPrefix(prefix);
  if (badPrefix !== undefined) return fail('MQTT_TOPIC_INVALID', badPrefix);
  const head = prefix.length + 1;
  if (typeof topic !== 'string' || topic.charCodeAt(prefix.length) !== 0x2f || !topic.startsWith(prefix)) {
    return fail('MQTT_TOPIC_UNKNOWN', `topic ${JSON.stringify(String(topic).slice(0, 80))} is not under ${prefix}/`);
  }
  // <tenant>/<vendor>/<native topic...> after the prefix, found without splitting the whole topic.
  const afterTenant = topic.indexOf('/', head);
  const afterVendor = afterTenant < 0 ? -1 : topic.indexOf('/', afterTenant + 1);
  const nativeTopic = afterVendor < 0 ? '' : topic.slice(afterVendor + 1);
  if (afterVendor < 0 || nativeProblem(nativeTopic) !== undefined) {
    return fail('MQTT_TOPIC_UNKNOWN', `topic ${JSON.stringify(topic.slice(0, 80))} is not ${prefix}/<tenantId>/<vendor>/<native topic>`);
  }
  const tenantId = parseTenantId(topic.slice(head, afterTenant));
  if (!tenantId.ok) return fail('MQTT_TENANT_INVALID', tenantId.error.message);
  const vendor = topic.slice(afterTenant + 1, afterVendor);
  if (!vendorPattern.test(vendor)) return fail('MQTT_VENDOR_UNKNOWN', `vendor ${JSON.stringify(vendor.slice(0, 80))} is not an adapter name`);
  return ok({ tenantId: tenantId.value, vendor, nativeTopic });
};

/** The full topic for a native topic of a tenant's device: where the ingress publishes downlinks and replies. */
export const downlinkTopic = (tenantId: string, vendor: string, nativeTopic: string, prefix: string = DEFAULT_TOPIC_PREFIX): VendorResult<string> => {
  const badPrefix = prefixProblem(prefix);
  if (badPrefix !== undefined) return fail('MQTT_TOPIC_INVALID', badPrefix);
  const tenant = parseTenantId(tenantId);
  if (!tenant.ok) return fail('MQTT_TENANT_INVALID', tenant.error.message);
  if (!vendorPattern.test(vendor)) return fail('MQTT_VENDOR_UNKNOWN', `vendor ${JSON.stringify(vendor)} is not an adapter name`);
  const badNative = nativeProblem(nativeTopic);
  if (badNative !== undefined) return fail('MQTT_TOPIC_INVALID', badNative);
  return ok(`${prefix}/${tenant.value}/${vendor}/${nativeTopic}`);
};

/** Filters for every tenant's traffic of one vendor: `<prefix>/+/<vendor>/<native filter>`. */
export const uplinkFilters = (vendor: string, nativeFilters: readonly string[], prefix: string = DEFAULT_TOPIC_PREFIX): string[] =>
  nativeFilters.map((filter) => `${prefix}/+/${vendor}/${filter}`);
