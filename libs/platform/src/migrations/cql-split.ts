/**
 * Splits a CQL file into statements: `;` ends a statement outside quotes; `--` and `//` line
 * comments and block comments are dropped. Pure, so it is unit-tested on its own.
 */
export const splitCql = (text: string): string[] => {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  let quote: "'" | '"' | '$$' | null = null;
  while (i < text.length) {
    const c = text[i]!;
    const two = text.slice(i, i + 2);
    if (quote) {
      if (quote === '$$' ? two === '$$' : c === quote) {
        // A doubled quote inside a string is an escaped quote, not the end.
        if (quote !== '$$' && text[i + 1] === quote) {
          current += c + c;
          i += 2;
          continue;
        }
        current += quote;
        i += quote.length;
        quote = null;
        continue;
      }
      current += c;
      i += 1;
      continue;
    }
    if (two === '--' || two === '//') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (two === '$$') {
      quote = '$$';
      current += two;
      i += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      current += c;
      i += 1;
      continue;
    }
    if (c === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
      continue;
    }
    current += c;
    i += 1;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
};
