import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createPerl, PERL_5_34, PERL_5_36 } from './perl';
import { bpi, piDigits } from './bigpi';
import { createTestMachine } from '../applets/testkit';
import { hasBinary } from '../applets/host.oracle';

const hasPerl = hasBinary('perl', ['-e', '1']);

function run(argv: string[], version = PERL_5_34, stdin?: string) {
  const m = createTestMachine();
  return m.run(createPerl(version), argv, { stdin });
}

describe('bpi', () => {
  it('ends the 2000-digit value as the Kubernetes pi Job prints it', () => {
    const pi = bpi(2000);
    expect(pi.length).toBe(2001);
    expect(pi.startsWith('3.14159265358979')).toBe(true);
    expect(pi.endsWith('3904780275901')).toBe(true);
  });

  it('rounds to nearest, carrying through the six nines at decimal places 762–767', () => {
    expect(bpi(1)).toBe('3');
    expect(bpi(2)).toBe('3.1');
    expect(bpi(5)).toBe('3.1416');
    expect(bpi(10)).toBe('3.141592654');
    // Recorded from perl -MMath::BigFloat: the carry turns 134999999… into 135000000, zeros kept.
    expect(piDigits(769).slice(-10)).toBe('1349999998');
    expect(piDigits(768).slice(-10)).toBe('1135000000');
    expect(piDigits(763).slice(-10)).toBe('8707211350');
  });

  it('computes 2000 digits quickly', () => {
    const t = process.hrtime.bigint();
    bpi(2000);
    expect(Number(process.hrtime.bigint() - t) / 1e6).toBeLessThan(100);
  });

  it.skipIf(!hasPerl)(
    'matches Math::BigFloat->bpi(N) for N = 1…400 and a spread up to 2000',
    () => {
      const ns = [
        ...Array.from({ length: 400 }, (_, i) => i + 1),
        500,
        763,
        764,
        765,
        766,
        767,
        768,
        999,
        1000,
        1001,
        1234,
        1500,
        1999,
        2000,
      ];
      const script = ns.map((n) => `print Math::BigFloat->bpi(${n});`).join('');
      const r = spawnSync('perl', ['-MMath::BigFloat', '-le', script], {
        encoding: 'latin1',
        maxBuffer: 1 << 26,
      });
      const lines = r.stdout.trim().split('\n');
      ns.forEach((n, i) => expect(bpi(n), `bpi(${n})`).toBe(lines[i]));
    },
  );
});

describe('perl', () => {
  it('runs the pi Job one-liner', () => {
    const r = run(['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${bpi(2000)}\n`);
    expect(r.stderr).toBe('');
  });

  it('honours -l and -e variants and literal prints', () => {
    expect(run(['perl', '-Mbignum=bpi', '-e', 'print bpi(3)']).stdout).toBe('3.14');
    expect(run(['perl', '-Mbignum=bpi', '-le', 'print bpi(3), "x"']).stdout).toBe('3.14x\n');
    expect(run(['perl', '-e', 'print "a\\tb", 2, "\\n"']).stdout).toBe('a\tb2\n');
    expect(run(['perl', '-le', 'print "x"; print 3.50']).stdout).toBe('x\n3.5\n');
    expect(run(['perl', '-MMath::BigFloat', '-le', 'print Math::BigFloat->bpi(5)']).stdout).toBe(
      '3.1416\n',
    );
    expect(run(['perl', '-Mbignum=bpi', '-le', 'print bpi(0)']).stdout).toBe(`${bpi(40)}\n`);
  });

  it('dies like perl when bpi is not imported', () => {
    const r = run(['perl', '-le', 'print bpi(5)']);
    expect(r.stderr).toBe('Undefined subroutine &main::bpi called at -e line 1.\n');
    expect(r.status).toBe(255);
  });

  it('reproduces perl 5.36 failing bpi above 1000 digits', () => {
    const ok = run(['perl', '-Mbignum=bpi', '-wle', 'print bpi(1000)'], PERL_5_36);
    expect(ok.status).toBe(0);
    const r = run(['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], PERL_5_36);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "Can't use an undefined value as an ARRAY reference at /usr/local/lib/perl5/5.36.0/Math/BigInt/Calc.pm line 1049.\n",
    );
    expect(r.status).toBe(255);
  });

  it.skipIf(!hasPerl)('agrees with the host perl 5.36 on the failure threshold', () => {
    const host = (n: number) =>
      spawnSync('perl', ['-Mbignum=bpi', '-wle', `print bpi(${n})`], { encoding: 'latin1' });
    expect(host(1000).status).toBe(0);
    expect(host(1001).status).toBe(255);
    expect(host(1001).stderr).toMatch(
      /^Can't use an undefined value as an ARRAY reference at .*Math\/BigInt\/Calc\.pm line 1049\.\n$/,
    );
    for (const n of [1, 7, 100, 1000])
      expect(run(['perl', '-Mbignum=bpi', '-wle', `print bpi(${n})`], PERL_5_36).stdout).toBe(
        host(n).stdout,
      );
  });

  it('refuses other programs with one clear line and status 255', () => {
    const r = run(['perl', '-e', 'my $x = 1; print $x']);
    expect(r.stderr).toBe(
      "Podlab's perl only runs `perl -Mbignum=bpi -wle 'print bpi(N)'` and print of literals.\n",
    );
    expect(r.status).toBe(255);
    expect(run(['perl', '-Q', '-e', '1']).stderr).toBe(
      'Unrecognized switch: -Q  (-h will show valid options).\n',
    );
  });

  it('runs the image default command perl -de0 until its input ends', () => {
    const r = run(['perl5.34.0', '-de0'], PERL_5_34, '');
    expect(r.stdout).toBe(
      "\nLoading DB routines from perl5db.pl version 1.60\nEditor support available.\n\nEnter h or 'h h' for help, or 'man perldebug' for more help.\n\nmain::(-e:1):\t0\n  DB<1> ",
    );
    expect(r.status).toBe(0);
  });
});
