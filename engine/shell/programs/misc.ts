/** Small workstation programs: `clear`, `history`, and the editors `vi`/`vim`/`nano`. */
import type { Block, Program, Process } from '../../runtime/kernel';
import { resolvePath } from '../../runtime/fs';
import type { Notifier } from '../../runtime/notifier';
import { utf8Decode, utf8Encode } from '../../util/utf8';

/** GNU ncurses `clear` (with E3: also clears the scrollback). */
export const clearProgram: Program = function* clear(proc) {
  yield* proc.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

/** Where `history` finds the calling shell's history. */
export type HistoryLookup = (shell: Process) => readonly string[] | undefined;

/** bash's `history` (as a program that reads its parent shell's history): `%5d  %s` lines. */
export function historyProgram(lookup: HistoryLookup): Program {
  return function* history(proc) {
    const list = (proc.parent && lookup(proc.parent)) ?? [];
    const n = proc.argv[1] && /^\d+$/.test(proc.argv[1]) ? Number(proc.argv[1]) : list.length;
    const start = Math.max(0, list.length - n);
    let out = '';
    for (let i = start; i < list.length; i++) out += `${String(i + 1).padStart(5)}  ${list[i]}\n`;
    yield* proc.out(utf8Encode(out));
    return 0;
  };
}

/** An editing session the UI serves: it shows the file and reports when it is closed. */
export interface EditorSession {
  /** Notified when the editor closes. */
  readonly closed: Notifier;
  /** Set when closed: the saved content, or undefined when quit without saving. */
  result?: { saved: boolean; content?: string };
}

/** The editor the workstation can hand files to (the UI's Monaco); absent in the CLI. */
export interface EditorHost {
  open(path: string, content: string, pane: Process): EditorSession;
}

/** `vi`, `vim` and `nano`: open FILE in the attached editor and write it back on save. */
export function editorProgram(host: () => EditorHost | undefined): Program {
  return function* edit(proc): Generator<Block, number, void> {
    const name = proc.argv[0].split('/').pop() ?? 'vi';
    const file = proc.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
    const editor = host();
    if (!editor) {
      yield* proc.err(
        `${name}: no editor is attached to Podlab's command line; open ${file ?? 'the file'} with an editor of your own\n`,
      );
      return 1;
    }
    if (!file) {
      yield* proc.err(`${name}: give the file to edit, e.g. ${name} job.yaml\n`);
      return 1;
    }
    const path = resolvePath(proc.cwd, file);
    const current = proc.ns.fs.readFile(path);
    if (!current.ok && current.errno !== 'ENOENT') {
      yield* proc.err(`${name}: ${file}: cannot open\n`);
      return 1;
    }
    const session = editor.open(path, current.ok ? utf8Decode(current.value) : '', proc);
    while (!session.result) yield { on: [session.closed] };
    if (session.result.saved && session.result.content !== undefined) {
      const written = proc.ns.fs.writeFile(path, utf8Encode(session.result.content));
      if (!written.ok) {
        yield* proc.err(`${name}: ${file}: cannot write\n`);
        return 1;
      }
    }
    return 0;
  };
}
