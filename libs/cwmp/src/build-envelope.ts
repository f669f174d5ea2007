import { buildMessage } from './build-messages.js';
import type { CwmpEnvelope } from './messages.js';
import { SOAP_ENC_NS, SOAP_ENV_NS, XSD_NS, XSI_NS } from './namespaces.js';
import { escapeXmlText } from './xml-text.js';

const header = (envelope: CwmpEnvelope): string => {
  if (envelope.id === null && !envelope.holdRequests) return '';
  const id = envelope.id === null ? '' : `<cwmp:ID soap-env:mustUnderstand="1">${escapeXmlText(envelope.id)}</cwmp:ID>`;
  const hold = envelope.holdRequests ? '<cwmp:HoldRequests soap-env:mustUnderstand="1">true</cwmp:HoldRequests>' : '';
  return `<soap-env:Header>${id}${hold}</soap-env:Header>`;
};

/** Serialise one envelope: SOAP 1.1 with fixed prefixes, in the envelope's cwmp namespace. Strict in what we send. */
export function buildEnvelope(envelope: CwmpEnvelope): string {
  return (
    `<soap-env:Envelope xmlns:soap-env="${SOAP_ENV_NS}" xmlns:soap-enc="${SOAP_ENC_NS}" xmlns:xsd="${XSD_NS}" xmlns:xsi="${XSI_NS}" ` +
    `xmlns:cwmp="${escapeXmlText(envelope.namespace)}">` +
    header(envelope) +
    `<soap-env:Body>${buildMessage(envelope.message)}</soap-env:Body></soap-env:Envelope>`
  );
}
