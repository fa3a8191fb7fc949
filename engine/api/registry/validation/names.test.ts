import { describe, expect, it } from 'vitest';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIP,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
} from './names';

const LABEL_REGEX_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_REGEX_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('DNS names', () => {
  it.each([
    ['my-name', []],
    ['My_Name', [LABEL_REGEX_MSG]],
    ['a.b', ['must not contain dots']],
    ['-a', [LABEL_REGEX_MSG]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['', [LABEL_REGEX_MSG]],
  ])('IsDNS1123Label(%j)', (value, expected) => {
    expect(isDNS1123Label(value)).toEqual(expected);
  });

  it.each([
    ['example.com', []],
    ['two-times', []],
    ['Two_Times', [SUBDOMAIN_REGEX_MSG]],
    ['a.', [SUBDOMAIN_REGEX_MSG]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ])('IsDNS1123Subdomain(%j)', (value, expected) => {
    expect(isDNS1123Subdomain(value)).toEqual(expected);
  });

  it('IsDNS1035Label', () => {
    expect(isDNS1035Label('web')).toEqual([]);
    expect(isDNS1035Label('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
});

describe('qualified names and label values', () => {
  it.each([
    ['app', []],
    ['example.com/app', []],
    ['bad key', [NAME_PART_MSG]],
    ['/app', ['prefix part must be non-empty']],
    ['Example.com/app', [`prefix part ${SUBDOMAIN_REGEX_MSG}`]],
    [
      'a/b/c',
      [
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
    ['x/', ['name part must be non-empty', NAME_PART_MSG]],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
  ])('IsQualifiedName(%j)', (value, expected) => {
    expect(isQualifiedName(value)).toEqual(expected);
  });

  it.each([
    ['', []],
    ['my_value', []],
    ['bad value', [LABEL_VALUE_MSG]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['-x', [LABEL_VALUE_MSG]],
  ])('IsValidLabelValue(%j)', (value, expected) => {
    expect(isValidLabelValue(value)).toEqual(expected);
  });
});

describe('ports, env, keys, percents, IPs', () => {
  it('IsValidPortNum and IsValidPortName', () => {
    expect(isValidPortNum(80)).toEqual([]);
    expect(isValidPortNum(70000)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('Http')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('-ab')).toEqual(['must not begin or end with a hyphen']);
    expect(isValidPortName('a-very-long-port-name')).toEqual([
      'must be no more than 15 characters',
    ]);
  });

  it('IsRelaxedEnvVarName accepts printable ASCII except =', () => {
    expect(isRelaxedEnvVarName('1-weird.NAME:ok')).toEqual([]);
    expect(isRelaxedEnvVarName('A=B')).toEqual([
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
    expect(isRelaxedEnvVarName('é')).toHaveLength(1);
  });

  it('IsConfigMapKey', () => {
    expect(isConfigMapKey('app.properties')).toEqual([]);
    expect(isConfigMapKey('bad key')).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    expect(isConfigMapKey('..x')).toEqual(["must not start with '..'"]);
  });

  it('IsValidPercent', () => {
    expect(isValidPercent('25%')).toEqual([]);
    expect(isValidPercent('25')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });

  it.each([
    ['10.96.0.1', true],
    ['010.096.000.001', true],
    ['256.1.1.1', false],
    ['2001:db8::ffff', true],
    ['::1', true],
    ['::ffff:10.0.0.1', true],
    ['1:2:3:4:5:6:7:8:9', false],
    ['host', false],
  ])('isIP(%j)', (value, expected) => {
    expect(isIP(value)).toBe(expected);
  });
});
