export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_ENC_NS = 'http://schemas.xmlsoap.org/soap/encoding/';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** Named only to tell a SOAP 1.2 client it is speaking the wrong protocol. */
export const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';

/** Inform's CurrentTime when the CPE does not know the time (TR-069 "unknown time"). */
export const UNKNOWN_TIME = '0001-01-01T00:00:00Z';
