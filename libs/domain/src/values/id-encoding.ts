// Percent-encoding for device-id components (RFC 3986): every UTF-8 byte outside the unreserved
// set A-Z a-z 0-9 - . _ ~ becomes %XX with upper-case hex, plus any extra characters the caller
// reserves as separators. Upper-case hex and encoding only what must be encoded make the form
// canonical, so one identity has exactly one id and the id decodes back to the identity.

const hex = (char: string): string => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

// Callers pass well-formed strings (validated); encodeURIComponent throws on lone surrogates.
export const encodeIdComponent = (value: string, alsoEscape: '' | '-' = ''): string => {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, hex);
  return alsoEscape === '-' ? encoded.replace(/-/g, '%2D') : encoded;
};

// Undefined when the text is not the canonical encoding of some string.
export const decodeIdComponent = (encoded: string, alsoEscape: '' | '-' = ''): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  return encodeIdComponent(decoded, alsoEscape) === encoded ? decoded : undefined;
};
