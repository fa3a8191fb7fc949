/**
 * Behaviour that the differential corpus cannot show: virtual time, signals and PID 1, the
 * interactive loop, preemption of busy loops, and the standalone applets.
 */
import { describe, expect, it } from 'vitest';
import { FileDescription, writerDescription, type Terminal } from '../kernel';
import { Pipe } from '../streams';
import { createSandbox, runScript } from './testing';
import { makeShellProgram, type LineReader } from './programs';
import { Parser, ParseError } from './parser';
import { evaluateArith } from './arith';

const EVEN_SECONDS =
  'n=$(date +%S); if [ $((n%2)) -eq 0 ]; then \n  echo SUCCESS: $n;\n  exit 0;\nelse \n  echo FAILURE: $n;\n  exit 1;\nfi\n';
const MULTIPLIER =
  'while true;  do n=$(nc -w 1 queue 1080);\n  if [ $(($n+0)) -ge 101 ];\n  then \n    exit 0;\n  else r=$(($n*2))\n    echo -en "$r\\n";\n    sleep 1;\n  fi;\ndone\n';
const MINUTE = Date.UTC(2024, 0, 22, 10, 1, 0);

describe('container scripts in virtual time', () => {
  it('two-times prints 2..20 and exits 0', () => {
    const r = runScript(['/bin/sh', '-c', 'for i in $(seq 10);do echo $(($i*2));done']);
    expect(r).toEqual({ stdout: '2\n4\n6\n8\n10\n12\n14\n16\n18\n20\n', stderr: '', status: 0 });
  });

  it('even-seconds succeeds, fails, or hits the octal error depending on the clock second', () => {
    const at = (second: number) => {
      const box = createSandbox({ start: MINUTE + second * 1000 });
      const r = box.start(['/bin/sh', '-c', EVEN_SECONDS]);
      box.sim.advance(1000);
      return { stdout: r.stdout(), stderr: r.stderr(), status: r.proc.exitCode };
    };
    expect(at(4)).toEqual({ stdout: 'SUCCESS: 04\n', stderr: '', status: 0 });
    expect(at(7)).toEqual({ stdout: 'FAILURE: 07\n', stderr: '', status: 1 });
    expect(at(8)).toEqual({ stdout: '', stderr: '/bin/sh: arithmetic syntax error\n', status: 2 });
    expect(at(9)).toEqual({ stdout: '', stderr: '/bin/sh: arithmetic syntax error\n', status: 2 });
    expect(at(10)).toEqual({ stdout: 'SUCCESS: 10\n', stderr: '', status: 0 });
  });

  it('the multiplier sleeps one virtual second per item and stops at 101', () => {
    const box = createSandbox();
    let next = 99;
    box.registry.add('nc', function* (p) {
      yield* p.out(String(next++));
      return 0;
    });
    box.ns.fs.installProgram('/usr/bin/nc', 'nc');
    const r = box.start(['/bin/sh', '-c', MULTIPLIER]);
    box.sim.advance(500);
    expect(r.stdout()).toBe('198\n');
    box.sim.advance(1000);
    expect(r.stdout()).toBe('198\n200\n');
    expect(r.proc.done).toBe(false);
    box.sim.advance(1000);
    expect(r.proc.exitCode).toBe(0);
  });

  it('the multiplier crashes with exit 2 on an empty reply', () => {
    const box = createSandbox();

    box.registry.add('nc', function* () {
      return 1;
    });
    box.ns.fs.installProgram('/usr/bin/nc', 'nc');
    const r = box.start(['/bin/sh', '-c', MULTIPLIER]);
    box.sim.advance(100);
    expect({ err: r.stderr(), status: r.proc.exitCode }).toEqual({
      err: '/bin/sh: arithmetic syntax error\n',
      status: 2,
    });
  });

  it('appends greetings to a log every 15 s (log compressor client)', () => {
    const box = createSandbox({ start: MINUTE });
    const script =
      'while true; \n  do echo $(date) - Greetings from $HOSTNAME >> \\\n       /var/log/$HOSTNAME.log ; \n  sleep 15; \ndone\n';
    box.start(['/bin/sh', '-c', script], { env: { HOSTNAME: 'client2-x', PATH: '/bin:/usr/bin' } });
    box.sim.advance(31_000);
    const log = box.ns.fs.readFile('/var/log/client2-x.log');
    expect(log.ok && log.value).toBe(
      'Mon Jan 22 10:01:00 UTC 2024 - Greetings from client2-x\n' +
        'Mon Jan 22 10:01:15 UTC 2024 - Greetings from client2-x\n' +
        'Mon Jan 22 10:01:30 UTC 2024 - Greetings from client2-x\n',
    );
  });
});

describe('exec of the last command and PID 1', () => {
  it('execs a single simple command of -c, so the program itself is PID 1', () => {
    const box = createSandbox();
    const r = box.start(['/bin/sh', '-c', 'echo start; sleep 100']);
    box.sim.advance(10);
    expect(r.proc.pid).toBe(1);
    expect(r.proc.argv).toEqual(['sleep', '100']);
    expect(r.stdout()).toBe('start\n');
  });

  it('logd\'s per-connection `sh -c "cat >> /var/node_log"` becomes cat, appending stdin', () => {
    const box = createSandbox();
    box.ns.fs.writeFile('/var/node_log', 'old\n');
    const r = box.start(['sh', '-c', 'cat >> /var/node_log'], { stdin: 'Greetings\n' });
    box.sim.advance(10);
    expect(r.proc.argv).toEqual(['cat']);
    expect(r.proc.exitCode).toBe(0);
    const log = box.ns.fs.readFile('/var/node_log');
    expect(log.ok && log.value).toBe('old\nGreetings\n');
  });

  it('does not exec when a trap is set, nor inside a loop', () => {
    const box = createSandbox();
    const a = box.start(['/bin/sh', '-c', "trap 'echo bye' EXIT; sleep 1"]);
    box.sim.advance(10);
    expect(a.proc.argv[0]).toBe('/bin/sh');
    box.sim.advance(2000);
    expect(a.stdout()).toBe('bye\n');
  });

  it('a PID-1 shell loop without a trap ignores SIGTERM (the kernel protects init)', () => {
    const box = createSandbox();
    const r = box.start([
      '/bin/sh',
      '-c',
      'i=1;while true;do echo -n $i | cat >/dev/null; i=$(($i+1)); sleep 1;done',
    ]);
    box.sim.advance(1500);
    box.kernel.signal(r.proc, 'TERM');
    box.sim.advance(30_000);
    expect(r.proc.done).toBe(false);
    box.kernel.signal(r.proc, 'KILL');
    expect(r.proc.exitCode).toBe(137);
  });

  it("a PID-1 shell with trap 'exit 0' TERM exits once the running sleep ends", () => {
    const box = createSandbox();
    const r = box.start(['/bin/sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"]);
    box.sim.advance(1500);
    box.kernel.signal(r.proc, 'TERM');
    box.sim.advance(400);
    expect(r.proc.done).toBe(false);
    box.sim.advance(200);
    expect(r.proc.exitCode).toBe(0);
  });

  it('defers a trap while a foreground child runs, but the wait builtin is interrupted', () => {
    const box = createSandbox();
    const fg = box.start(['/bin/sh', '-c', "trap 'echo got' TERM; sleep 10; echo after"]);
    const bg = box.start(['/bin/sh', '-c', "trap 'echo got' TERM; sleep 10 & wait; echo after $?"]);
    box.sim.advance(1000);
    box.kernel.signal(fg.proc, 'TERM');
    box.kernel.signal(bg.proc, 'TERM');
    box.sim.advance(10);
    expect(fg.stdout()).toBe('');
    expect(bg.stdout()).toBe('got\nafter 143\n');
    box.sim.advance(9000);
    expect(fg.stdout()).toBe('got\nafter\n');
  });

  it("trap '' TERM is inherited as ignored by the exec'd program", () => {
    const box = createSandbox({ isContainer: false });
    const r = box.start(['/bin/sh', '-c', "trap '' TERM; sleep 100"]);
    box.sim.advance(10);
    box.kernel.signal(r.proc, 'TERM');
    box.sim.advance(10);
    expect(r.proc.done).toBe(false);
  });

  it('a non-init shell dies of an untrapped TERM', () => {
    const box = createSandbox({ isContainer: false });
    const r = box.start(['/bin/sh', '-c', 'while true; do sleep 1; done']);
    box.sim.advance(10);
    box.kernel.signal(r.proc, 'TERM');
    expect(r.proc.exitCode).toBe(143);
  });
});

describe('step budget', () => {
  it('preempts `while true; do :; done` so time and other processes move on', () => {
    const box = createSandbox();
    box.start(['/bin/sh', '-c', 'while true; do :; done']);
    const ticker = box.start(['/bin/sh', '-c', 'for i in 1 2 3 4 5; do sleep 1; echo $i; done']);
    const { events } = box.sim.advance(3600 * 1000);
    expect(ticker.stdout()).toBe('1\n2\n3\n4\n5\n');
    expect(events).toBeLessThan(20_000);
  });
});

function terminal(box: ReturnType<typeof createSandbox>, program = 'sh') {
  const tty: Terminal = { columns: 80, rows: 24 };
  const keyboard = new Pipe();
  const writer = keyboard.openWriter();
  let screen = '';
  const input = new FileDescription(keyboard.openReader(), undefined, '/dev/pts/0', tty);
  const output = writerDescription((d) => (screen += d), '/dev/pts/0', tty);
  const proc = box.kernel.spawn({
    program: box.registry.get(program)!,
    argv: [program],
    env: new Map([
      ['PATH', '/bin:/usr/bin'],
      ['HOME', '/root'],
    ]),
    cwd: '/',
    ns: box.ns,
    fds: new Map([
      [0, input],
      [1, output],
      [2, output],
    ]),
  });
  return {
    proc,
    tty,
    type: (text: string) => writer.write(text),
    eof: () => writer.close(),
    screen: () => screen,
  };
}

describe('interactive shell', () => {
  it('prompts with "/ # ", runs lines and exits with `exit`', () => {
    const box = createSandbox();
    const t = terminal(box);
    box.sim.advance(10);
    expect(t.screen()).toBe('/ # ');
    t.type('echo hi\ncd /tmp\n');
    box.sim.advance(10);
    // The terminal echoes typed lines; the shell prints a prompt before reading each one.
    expect(t.screen()).toBe('/ # hi\n/ # /tmp # ');
    t.type('if true\nthen echo multi\nfi\nexit 3\n');
    box.sim.advance(10);
    expect(t.screen()).toBe('/ # hi\n/ # /tmp # > > multi\n/tmp # ');
    expect(t.proc.exitCode).toBe(3);
  });

  it('Ctrl-C interrupts the foreground command but not the shell; Ctrl-D ends it', () => {
    const box = createSandbox();
    const t = terminal(box);
    t.type('sleep 100; echo not-printed\n');
    box.sim.advance(1000);
    expect(t.tty.foregroundPgid).not.toBe(t.proc.pgid);
    box.kernel.signalGroup(box.ns, t.tty.foregroundPgid!, 'INT');
    box.sim.advance(10);
    expect(t.proc.done).toBe(false);
    expect(t.screen()).toBe('/ # \n/ # ');
    t.type('echo $?\n');
    box.sim.advance(10);
    expect(t.screen()).toBe('/ # \n/ # 130\n/ # ');
    // Ctrl-C at the prompt: a fresh prompt.
    box.kernel.signalGroup(box.ns, t.tty.foregroundPgid!, 'INT');
    box.sim.advance(10);
    expect(t.screen()).toBe('/ # \n/ # 130\n/ # \n/ # ');
    t.eof();
    box.sim.advance(10);
    expect(t.proc.exitCode).toBe(0);
  });

  it('reports syntax errors without exiting', () => {
    const box = createSandbox();
    const t = terminal(box);
    t.type('fi\necho ok\n');
    box.sim.advance(10);
    expect(t.screen()).toBe('/ # sh: syntax error: unexpected "fi"\n/ # ok\n/ # ');
  });

  it('bash takes a pluggable line reader and a configurable PS1', () => {
    const box = createSandbox();
    const lines = ['echo $((6*7))', 'foo', 'cd nope', 'exit'];
    const reader: LineReader = function* (sh, prompt) {
      yield* sh.err(prompt);
      return lines.shift() ?? null;
    };
    box.registry.add(
      'wsbash',
      makeShellProgram({ dialect: 'bash', ps1: '\\u@lab:\\w$ ', lineReader: reader }),
    );
    const t = terminal(box, 'wsbash');
    box.sim.advance(10);
    expect(t.screen()).toBe(
      'root@lab:/$ 42\nroot@lab:/$ wsbash: foo: command not found\nroot@lab:/$ wsbash: cd: nope: No such file or directory\nroot@lab:/$ exit\n',
    );
    expect(t.proc.exitCode).toBe(1);
  });
});

describe('commands from a non-terminal stdin', () => {
  it('reads and runs commands, including here-documents split across reads', () => {
    const box = createSandbox();
    const r = box.start(['sh'], { stdin: 'echo one\ncat <<E\nbody\nE\nnosuch\necho $LINENO\n' });
    box.sim.advance(10);
    expect({ out: r.stdout(), err: r.stderr(), status: r.proc.exitCode }).toEqual({
      out: 'one\nbody\n6\n',
      err: 'sh: nosuch: not found\n',
      status: 0,
    });
  });

  it('joins a backslash-newline split across reads instead of running the first half', () => {
    const box = createSandbox();
    const r = box.start(['sh'], { stdin: 'echo a \\\n  b\n' });
    box.sim.advance(10);
    expect(r.stdout()).toBe('a b\n');
  });

  it('runs a script file with arguments and reports errors with its name and line', () => {
    const box = createSandbox();
    box.ns.fs.writeFile('/s.sh', 'echo "$0 $1"\ncd /nope\n', { mode: 0o755 });
    const r = box.start(['sh', '/s.sh', 'arg']);
    box.sim.advance(10);
    expect(r.stdout()).toBe('/s.sh arg\n');
    expect(r.stderr()).toBe("/s.sh: cd: line 2: can't cd to /nope: No such file or directory\n");
    expect(r.proc.exitCode).toBe(2);
  });

  it('runs a #! script through PATH lookup', () => {
    const box = createSandbox();
    box.ns.fs.writeFile('/usr/bin/hello', '#!/bin/sh\necho hello from $0\n', { mode: 0o755 });
    const r = runScriptIn(box, ['sh', '-c', 'hello; echo $?']);
    expect(r).toBe('hello from /usr/bin/hello\n0\n');
  });
});

function runScriptIn(box: ReturnType<typeof createSandbox>, argv: string[]): string {
  const r = box.start(argv);
  box.sim.advance(1000);
  return r.stdout();
}

describe('determinism and applets', () => {
  it('$RANDOM draws 0..32767 from the process rng', () => {
    const a = runScript([
      'sh',
      '-c',
      'i=0; while [ $i -lt 50 ]; do echo $RANDOM; i=$((i+1)); done',
    ]);
    const values = a.stdout.trim().split('\n').map(Number);
    expect(values).toHaveLength(50);
    expect(values.every((v) => v >= 0 && v < 32768)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(40);
  });

  it('echo, printf, test and [ exist as standalone programs with busybox messages', () => {
    const box = createSandbox();
    const r = box.start([
      'sh',
      '-c',
      '/bin/echo -e "a\\tb"; /usr/bin/printf "%d\\n" x; /usr/bin/[ a; echo $?; /usr/bin/test 1 -eq a; echo $?',
    ]);
    box.sim.advance(10);
    expect(r.stdout()).toBe('a\tb\n0\n2\n2\n');
    expect(r.stderr()).toBe("printf: invalid number 'x'\n[: missing ]\ntest: a: bad number\n");
  });
});

describe('parser and arithmetic units', () => {
  it('parses one command line at a time and reports incomplete input', () => {
    const p = new Parser('echo a\nif true; then\n', 'ash');
    expect(p.next()).toMatchObject({ t: 'simple' });
    const err = p.next();
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).incomplete).toBe(true);
  });

  it('evaluates busybox arithmetic with octal, hex and 64-bit wraparound', () => {
    const vars = { get: () => undefined, set: () => undefined };
    const v = (e: string) => {
      const r = evaluateArith(e, vars, 'ash');
      return 'ok' in r && r.ok ? r.value : r;
    };
    expect(v('010 + 0x10')).toBe(24n);
    expect(v('9223372036854775807 + 1')).toBe(-9223372036854775808n);
    expect(v('08')).toMatchObject({ ok: false, error: { code: 'syntax' } });
  });
});
