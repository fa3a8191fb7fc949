/** Building process namespaces: a file-system view, a network namespace and a program registry. */
import type { ProcessNamespace, ProgramRegistry, Program } from './kernel';
import type { Vfs } from './fs';
import type { NetNamespace, Network } from './network';

/** A program registry over a plain map. */
export class MapRegistry implements ProgramRegistry {
  private readonly programs = new Map<string, Program>();

  /** Adds (or replaces) a named program. */
  add(name: string, program: Program): this {
    this.programs.set(name, program);
    return this;
  }

  get(name: string): Program | undefined {
    return this.programs.get(name);
  }

  /** Every registered name, sorted. */
  names(): string[] {
    return [...this.programs.keys()].sort();
  }
}

/** Creates a network namespace on `network` with the given addresses and resolver. */
export function createNetNamespace(
  network: Network,
  id: string,
  ips: string[],
  resolve: (name: string) => string | undefined = () => undefined,
): NetNamespace {
  const ns: NetNamespace = { id, ips: [], network, resolve };
  for (const ip of ips) network.attach(ns, ip);
  return ns;
}

/** Creates a process namespace. */
export function createProcessNamespace(options: {
  id: string;
  hostname: string;
  fs: Vfs;
  net: NetNamespace;
  isContainer: boolean;
  programs: ProgramRegistry;
}): ProcessNamespace {
  return { ...options, nextPid: 1, processes: new Set() };
}
