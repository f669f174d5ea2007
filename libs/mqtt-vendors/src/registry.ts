import { parseDeviceId } from '@fleetlog/domain';
import type { JsonValue, TenantId } from '@fleetlog/domain';
import type { VendorAdapter } from './adapter.js';
import type { EncodedDownlink, NativePublish, UplinkMessage } from './messages.js';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';
import { DEFAULT_TOPIC_PREFIX, downlinkTopic, parseTopic, uplinkFilters } from './topic.js';

/** An uplink with its tenant and vendor; replies are on full topics, ready to publish. */
export type RoutedUplink = {
  readonly tenantId: TenantId;
  readonly vendor: string;
  readonly nativeTopic: string;
  readonly messages: readonly UplinkMessage[];
  readonly replies: readonly NativePublish[];
};

export interface VendorRegistry {
  readonly vendors: readonly string[];
  readonly prefix: string;
  adapterFor(vendor: string): VendorResult<VendorAdapter>;
  /** Every topic filter the ingress subscribes to. */
  subscriptions(): string[];
  /** parseTopic, then the vendor's parseUplink; replies come back on full topics. */
  parseUplink(topic: string, payload: Uint8Array, receivedAt: Date): VendorResult<RoutedUplink>;
  /** The vendor's encodeDownlink for a tenant's device, on the full topic. */
  encodeDownlink(tenantId: string, deviceId: string, payload: JsonValue, correlationKey: string, now: Date): VendorResult<EncodedDownlink>;
  /** The vendor's identify for a tenant's device, on full topics. */
  identify(tenantId: string, deviceId: string, now: Date): VendorResult<readonly NativePublish[]>;
}

const onFullTopics = (tenantId: string, vendor: string, prefix: string, publishes: readonly NativePublish[]): VendorResult<NativePublish[]> => {
  const out: NativePublish[] = [];
  for (const publish of publishes) {
    const topic = downlinkTopic(tenantId, vendor, publish.topic, prefix);
    if (!topic.ok) return topic;
    out.push({ ...publish, topic: topic.value });
  }
  return ok(out);
};

/** A registry of adapters by vendor name. Two adapters with one name are a wiring bug and throw. */
export const createVendorRegistry = (adapters: readonly VendorAdapter[], prefix: string = DEFAULT_TOPIC_PREFIX): VendorRegistry => {
  const byVendor = new Map<string, VendorAdapter>();
  for (const adapter of adapters) {
    if (byVendor.has(adapter.vendor)) throw new Error(`two adapters for vendor ${adapter.vendor}`);
    byVendor.set(adapter.vendor, adapter);
  }
  const adapterFor = (vendor: string): VendorResult<VendorAdapter> => {
    const adapter = byVendor.get(vendor);
    return adapter === undefined ? fail('MQTT_VENDOR_UNKNOWN', `no adapter for vendor ${JSON.stringify(String(vendor).slice(0, 80))}`) : ok(adapter);
  };
  const adapterOfDevice = (deviceId: string): VendorResult<VendorAdapter> => {
    const parsed = parseDeviceId(deviceId);
    if (!parsed.ok) return fail('MQTT_DOWNLINK_INVALID', parsed.error.message);
    return parsed.value.protocol === 'MQTT' ? adapterFor(parsed.value.vendor) : fail('MQTT_DOWNLINK_INVALID', `device ${deviceId} is not an MQTT device`);
  };

  return Object.freeze({
    vendors: Object.freeze([...byVendor.keys()]),
    prefix,
    adapterFor,
    subscriptions: () => [...byVendor.values()].flatMap((adapter) => uplinkFilters(adapter.vendor, adapter.subscriptions, prefix)),
    parseUplink: (topic: string, payload: Uint8Array, receivedAt: Date): VendorResult<RoutedUplink> => {
      const parsed = parseTopic(topic, prefix);
      if (!parsed.ok) return parsed;
      const { tenantId, vendor, nativeTopic } = parsed.value;
      const adapter = adapterFor(vendor);
      if (!adapter.ok) return adapter;
      const uplink = adapter.value.parseUplink(nativeTopic, payload, receivedAt);
      if (!uplink.ok) return uplink;
      if (uplink.value.replies.length === 0) return ok({ tenantId, vendor, nativeTopic, messages: uplink.value.messages, replies: uplink.value.replies });
      const replies = onFullTopics(tenantId, vendor, prefix, uplink.value.replies);
      return replies.ok ? ok({ tenantId, vendor, nativeTopic, messages: uplink.value.messages, replies: replies.value }) : replies;
    },
    encodeDownlink: (tenantId: string, deviceId: string, payload: JsonValue, correlationKey: string, now: Date): VendorResult<EncodedDownlink> => {
      const adapter = adapterOfDevice(deviceId);
      if (!adapter.ok) return adapter;
      const encoded = adapter.value.encodeDownlink(deviceId, payload, correlationKey, now);
      if (!encoded.ok) return encoded;
      const topic = downlinkTopic(tenantId, adapter.value.vendor, encoded.value.topic, prefix);
      return topic.ok ? ok({ ...encoded.value, topic: topic.value }) : topic;
    },
    identify: (tenantId: string, deviceId: string, now: Date): VendorResult<readonly NativePublish[]> => {
      const adapter = adapterOfDevice(deviceId);
      if (!adapter.ok) return adapter;
      const publishes = adapter.value.identify(deviceId, now);
      return publishes.ok ? onFullTopics(tenantId, adapter.value.vendor, prefix, publishes.value) : publishes;
    },
  });
};
