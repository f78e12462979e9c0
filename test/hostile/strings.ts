// Hostile strings in the spirit of the "big list of naughty strings": every one must be answered as bad or as plain text.

/** A named hostile string; the name shows in failure messages (the value may be 100 000 characters). */
export interface Hostile {
  name: string;
  value: string;
}

const h = (name: string, value: string): Hostile => ({ name, value });

/** The list sent into every string field, path parameter and query parameter by the hostile API suite. */
export const HOSTILE_STRINGS: readonly Hostile[] = [
  // Emptiness and whitespace.
  h('empty', ''),
  h('space', ' '),
  h('whitespace only', ' \t\r\n\u00a0\u2003\u3000'),
  h('newlines', '\n\n\n'),
  // Length.
  h('100k letters', 'a'.repeat(100_000)),
  h('100k multibyte', '😀'.repeat(25_000)),
  h('300 chars', 'x'.repeat(300)),
  // Bidirectional text and invisible characters.
  h('RTL override', '\u202egpj.exe'),
  h('RTL mixed', 'שלום \u202eolleh\u202c مرحبا'),
  h('zero-width', 'a\u200bb\u200cc\u200dd\ufeffe\u2060'),
  h('only zero-width', '\u200b\u200b\u200b'),
  h('BOM', '\ufeffhello'),
  // Emoji, combining marks, scripts.
  h('emoji family', '👨‍👩‍👧‍👦🏳️‍🌈'),
  h('combining marks (zalgo)', 'Z̵̡̢̛͎̝̪͔̰̲̥̫͖̙͓͉̤̣͓̬̿̽̍̈́̓͐͑̍̿̓̆̚͝a̷l̸g̵o̴'),
  h('CJK and fullwidth', '田中さんにあげて下さい ＡＢＣ'),
  h('Normalization twin NFC', 'caf\u00e9'),
  h('Normalization twin NFD', 'cafe\u0301'),
  h('Turkish dotless', 'ıİ'),
  // Control characters and broken UTF-16.
  h('NUL', 'a\u0000b'),
  h('only NUL', '\u0000'),
  h('control characters', '\u0001\u0002\u0007\u0008\u001b[31m\u007f\u0085'),
  h('lone high surrogate', 'a\ud800b'),
  h('lone low surrogate', '\udc00'),
  h('reversed surrogates', '\udc00\ud800'),
  h('line and paragraph separators', 'a\u2028b\u2029c'),
  // Injection.
  h('SQL quote', "' OR '1'='1"),
  h('SQL drop', "'; DROP TABLE users; --"),
  h('SQL comment and like', "%_\\%' -- /*"),
  h('HTML script', '<script>alert(1)</script>'),
  h('HTML attribute', '"><img src=x onerror=alert(1)>'),
  h('javascript URL', 'javascript:alert(1)'),
  h('markdown link', '[click](javascript:alert(1))'),
  h('template literal', '${process.exit(1)}'),
  h('template braces', '{{constructor.constructor("alert(1)")()}}'),
  h('prototype key', '__proto__'),
  h('constructor key', 'constructor'),
  h('format string', '%s%s%s%n%x'),
  // Paths and names.
  h('path traversal', '../../etc/passwd'),
  h('encoded traversal', '..%2F..%2Fetc%2Fpasswd'),
  h('windows traversal', '..\\..\\windows\\win.ini'),
  h('percent NUL', '%00'),
  h('percent bad escape', '%E0%A4%A'),
  h('windows reserved', 'CON'),
  h('windows reserved with ext', 'aux.txt'),
  h('only dots', '...'),
  h('dot', '.'),
  h('slash', '/'),
  // Numbers that are not numbers.
  h('overflow 1e309', '1e309'),
  h('minus zero', '-0'),
  h('NaN', 'NaN'),
  h('Infinity', 'Infinity'),
  h('big integer', '99999999999999999999999999999'),
  h('negative', '-1'),
  h('hex', '0x1F'),
  // Spreadsheet formulas (CSV injection): exports must not hand these to a spreadsheet as formulas.
  h('spreadsheet formula', '=HYPERLINK("http://example.com/x","click")'),
  h('spreadsheet plus', "+1+cmd|' /C calc'!A0"),
  h('spreadsheet at', "@SUM(1+1)*cmd|' /C calc'!A0"),
  h('spreadsheet minus', "-2+3+cmd|' /C calc'!A0"),
  h('spreadsheet tab', '\t=1+1'),
  // JSON and header breakers.
  h('JSON breaker', '"}],{"a":'),
  h('backslashes', '\\\\\\"'),
  h('CRLF header injection', 'x\r\nSet-Cookie: seminar_session=evil\r\n\r\n<html>'),
  h('null word', 'null'),
  h('true word', 'true'),
  // Dates that are not dates.
  h('date out of range', '2024-02-30'),
  h('date year 0', '0000-01-01'),
  h('date far', '+275760-09-13'),
  h('date with zone', '2024-08-28T25:61:61Z'),
];

/** Hostile values that are not strings, for fields of any type (type confusion). */
export const HOSTILE_VALUES: ReadonlyArray<{ name: string; value: unknown }> = [
  { name: 'null', value: null },
  { name: 'number 1e308', value: 1e308 },
  { name: 'negative number', value: -1 },
  { name: 'fraction', value: 0.5 },
  { name: 'true', value: true },
  { name: 'empty array', value: [] },
  { name: 'array of strings', value: ['a', 'b'] },
  { name: 'empty object', value: {} },
  { name: 'nested object', value: { $gt: '' } },
  { name: 'deep nesting', value: JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown },
];
