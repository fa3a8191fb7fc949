/**
 * apimachinery's YAMLOrJSONDecoder as kubectl's resource builder drives it: a stream that starts
 * with `{` (after whitespace, within the first 4096 bytes) is read as consecutive JSON values;
 * anything else is split into YAML documents at `---` lines and each document is converted to
 * JSON on its own, so YAML error line numbers count from the start of that document.
 */
import type { JsonValue } from '../object';
import { readJsonStream } from './go-json';
import { yamlToJson } from './yaml-to-json';

/** One decoded document: its JSON text (as kubectl holds it) and value, or a stream error. */
export type StreamDocument =
  { kind: 'document'; raw: string; value: JsonValue } | { kind: 'error'; message: string };

/** Bytes GuessJSONStream peeks at (StreamVisitor uses a 4096-byte buffer). */
const PEEK_BYTES = 4096;

/** Whether the stream is JSON: first non-space byte within the peek window is `{`. */
function looksLikeJson(text: string): boolean {
  let bytes = 0;
  for (const ch of text) {
    if (bytes >= PEEK_BYTES) return false;
    if (!/\s/u.test(ch)) return ch === '{';
    const cp = ch.codePointAt(0) as number;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return false;
}

/** Lines as bufio.ReadLine returns them: `\n` and `\r\n` endings removed, then `\n` re-added. */
function readLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let line = text.slice(start, nl);
    if (nl < text.length && line.endsWith('\r')) line = line.slice(0, -1);
    lines.push(line + '\n');
    start = nl + 1;
  }
  return lines;
}

/**
 * Splits YAML text into documents as YAMLReader.Read does: a line starting with `---` ends the
 * current document; anything other than spaces or a comment after the dashes is an error.
 */
function splitYaml(text: string): { docs: string[]; error?: string } {
  const docs: string[] = [];
  let buffer = '';
  for (const line of readLines(text)) {
    if (line.startsWith('---')) {
      const trimmed = line.slice(3).trim();
      if (trimmed.length > 0 && trimmed[0] !== '#') {
        return { docs, error: `invalid Yaml document separator: ${trimmed}` };
      }
      if (buffer.length > 0) docs.push(buffer);
      buffer = '';
      continue;
    }
    buffer += line;
  }
  if (buffer.length > 0) docs.push(buffer);
  return { docs };
}

/**
 * Decodes a manifest stream into documents in order. A stream error (bad separator, YAML or JSON
 * syntax) ends the list; its message is what follows `error parsing <source>: ` in kubectl.
 */
export function decodeStream(text: string): StreamDocument[] {
  const out: StreamDocument[] = [];
  if (looksLikeJson(text)) {
    for (const item of readJsonStream(text)) {
      if ('error' in item) {
        out.push({ kind: 'error', message: item.error });
        break;
      }
      out.push({ kind: 'document', raw: item.raw, value: JSON.parse(item.raw) as JsonValue });
    }
    return out;
  }
  const { docs, error } = splitYaml(text);
  for (const doc of docs) {
    const converted = yamlToJson(doc);
    if (!converted.ok) {
      out.push({ kind: 'error', message: converted.error });
      return out;
    }
    out.push({ kind: 'document', raw: converted.text, value: converted.value });
  }
  if (error) out.push({ kind: 'error', message: error });
  return out;
}
