/**
 * The workstation's line editor (what GNU readline does for bash): the terminal goes raw while a
 * line is typed; arrows move and recall history, Tab completes, Ctrl-A/E/K/U/W/L/D edit, Ctrl-C
 * abandons the line. It is the shell's pluggable LineReader, so commands still run in cooked mode.
 */
import type { LineReader } from '../runtime/sh';
import type { Tty } from '../runtime/tty';
import { utf8Decode, utf8Encode } from '../util/utf8';
import type { Block } from '../runtime/kernel';

/** What completion returns for the word before the cursor. */
export interface Completion {
  /** Where the word being completed starts (an index into the line). */
  start: number;
  /** Full replacement candidates for `line.slice(start, cursor)`. */
  candidates: string[];
  /** Whether a unique candidate is finished (add a space) — false for directories. */
  terminal?: (candidate: string) => boolean;
}

/** A shell session's editing state shared across prompts. */
export interface LineEditorSession {
  history: string[];
  complete?(line: string, cursor: number): Completion | undefined;
}

/** Terminal columns a character takes (East Asian wide characters take two). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x1100) return 1;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Splits raw input into keys: escape sequences stay whole, other characters one by one. */
export function splitKeys(input: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < input.length;) {
    if (input[i] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|.)?/.exec(input.slice(i))!;
      keys.push(m[0]);
      i += m[0].length;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    keys.push(ch);
    i += ch.length;
  }
  return keys;
}

/** Creates the line reader for one interactive shell. */
export function createLineEditor(session: LineEditorSession): LineReader {
  return function* readLineWithEditing(sh, prompt) {
    const proc = sh.proc;
    const tty = proc.fd(0)?.tty as Tty | undefined;
    if (!tty || !('canonical' in tty)) {
      yield* sh.err(prompt);
      return yield* proc.readLine(0, true);
    }
    const write = (text: string) => proc.write(2, utf8Encode(text));
    tty.canonical = false;
    tty.echo = false;
    let line = '';
    let cursor = 0;
    let historyIndex = session.history.length;
    let draft = '';
    let lastWasTab = false;
    let pending = '';
    const promptText = utf8Decode(prompt);
    const redraw = function* (): Generator<Block, void, void> {
      const back = width(line.slice(cursor));
      yield* write(`\r${promptText}${line}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`);
    };
    const finish = () => {
      tty.canonical = true;
      tty.echo = true;
    };
    yield* write(promptText);
    try {
      for (;;) {
        const chunk = yield* proc.read(0, 4096, true);
        if (chunk === undefined) {
          // Ctrl-C: the terminal sent SIGINT; abandon the line.
          yield* write('^C');
          return undefined;
        }
        if (chunk === null) return line.length ? utf8Encode(line) : null;
        pending += chunk;
        // Keep an incomplete UTF-8 sequence or escape sequence for the next read.
        const decoded = utf8Decode(pending);
        if (decoded.endsWith('\ufffd') && pending.length < 4) continue;
        if (/\x1b(\[[0-9;]*)?$/.test(decoded)) continue;
        pending = '';
        for (const key of splitKeys(decoded)) {
          const tab = key === '\t';
          switch (key) {
            case '\r':
            case '\n':
              yield* write('\r\n');
              if (line.trim() !== '' && session.history[session.history.length - 1] !== line)
                session.history.push(line);
              return utf8Encode(line);
            case '\x7f':
            case '\b':
              if (cursor > 0) {
                const chars = [...line];
                const before = [...line.slice(0, cursor)];
                chars.splice(before.length - 1, 1);
                cursor -= before[before.length - 1].length;
                line = chars.join('');
              }
              break;
            case '\x04':
              if (line.length === 0) return null;
              if (cursor < line.length)
                line =
                  line.slice(0, cursor) + line.slice(cursor + [...line.slice(cursor)][0].length);
              break;
            case '\x01':
            case '\x1b[H':
            case '\x1bOH':
              cursor = 0;
              break;
            case '\x05':
            case '\x1b[F':
            case '\x1bOF':
              cursor = line.length;
              break;
            case '\x1b[D':
            case '\x02':
              if (cursor > 0) cursor -= [...line.slice(0, cursor)].pop()!.length;
              break;
            case '\x1b[C':
            case '\x06':
              if (cursor < line.length) cursor += [...line.slice(cursor)][0].length;
              break;
            case '\x0b':
              line = line.slice(0, cursor);
              break;
            case '\x15':
              line = line.slice(cursor);
              cursor = 0;
              break;
            case '\x17': {
              const before = line.slice(0, cursor).replace(/\S+\s*$/, '');
              line = before + line.slice(cursor);
              cursor = before.length;
              break;
            }
            case '\x0c':
              yield* write('\x1b[H\x1b[2J');
              break;
            case '\x1b[A':
            case '\x10':
              if (historyIndex > 0) {
                if (historyIndex === session.history.length) draft = line;
                historyIndex--;
                line = session.history[historyIndex];
                cursor = line.length;
              }
              break;
            case '\x1b[B':
            case '\x0e':
              if (historyIndex < session.history.length) {
                historyIndex++;
                line =
                  historyIndex === session.history.length ? draft : session.history[historyIndex];
                cursor = line.length;
              }
              break;
            case '\x1b[3~':
              if (cursor < line.length)
                line =
                  line.slice(0, cursor) + line.slice(cursor + [...line.slice(cursor)][0].length);
              break;
            case '\t': {
              const c = session.complete?.(line, cursor);
              if (!c || c.candidates.length === 0) {
                yield* write('\x07');
                break;
              }
              const word = line.slice(c.start, cursor);
              if (c.candidates.length === 1) {
                const only = c.candidates[0];
                const suffix = (c.terminal?.(only) ?? true) ? ' ' : '';
                line = line.slice(0, c.start) + only + suffix + line.slice(cursor);
                cursor = c.start + only.length + suffix.length;
                break;
              }
              const prefix = commonPrefix(c.candidates);
              if (prefix.length > word.length) {
                line = line.slice(0, c.start) + prefix + line.slice(cursor);
                cursor = c.start + prefix.length;
              } else if (lastWasTab) {
                yield* write(`\r\n${c.candidates.join('  ')}\r\n`);
              } else {
                yield* write('\x07');
              }
              break;
            }
            default:
              if (key.length >= 1 && !key.startsWith('\x1b') && key >= ' ') {
                line = line.slice(0, cursor) + key + line.slice(cursor);
                cursor += key.length;
              }
          }
          lastWasTab = tab;
          yield* redraw();
        }
      }
    } finally {
      finish();
    }
  };
}
