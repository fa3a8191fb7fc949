/**
 * The learner's workstation: a Linux machine outside the cluster (like Cloud Shell) whose panes
 * run bash with GNU tools and kubectl over a home folder. It is a process namespace with its own
 * file system and network address, on the same simulated kernel as the containers.
 */
import type { Simulation } from '../simulation';
import { FileTree, Vfs, dirName, resolvePath } from '../runtime/fs';
import type { Process, ProcessNamespace, Program, ProgramRegistry } from '../runtime/kernel';
import { MapRegistry, createNetNamespace, createProcessNamespace } from '../runtime/namespace';
import { installDebianUserland } from '../runtime/images/catalog';
import { makeShellProgram } from '../runtime/sh';
import { BUILTINS } from '../runtime/sh/builtins';
import { kubectlProgram, rootCommand } from '../kubectl/kubectl';
import type { ClusterAccess } from '../kubectl/cluster-access';
import { nodeIpFor } from '../cluster/node-object';
import { createLineEditor, type LineEditorSession } from './readline';
import { completeLine } from './completion';
import { watchProgram } from './programs/watch';
import { clearProgram, editorProgram, historyProgram, type EditorHost } from './programs/misc';
import { utf8Encode } from '../util/utf8';

/** The learner's user name and home. */
export const WORKSTATION_USER = 'learner';
export const HOME = `/home/${WORKSTATION_USER}`;
/** The workstation's host name and address (outside the node network). */
export const WORKSTATION_HOST = 'workstation';
export const WORKSTATION_IP = '192.168.0.10';
/** bash's prompt on the workstation: `learner@workstation:~$ `. */
export const WORKSTATION_PS1 = '\\u@\\h:\\w\\$ ';

/** kubectl's access to a simulation. */
export function clusterAccess(sim: Simulation): ClusterAccess {
  const nodes = sim.server.list('Node');
  const cp = nodes.find(
    (n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}),
  );
  const addresses = (
    cp?.status as { addresses?: Array<{ type: string; address: string }> } | undefined
  )?.addresses;
  const ip = addresses?.find((a) => a.type === 'InternalIP')?.address ?? nodeIpFor(0);
  return {
    server: sim.server,
    now: () => sim.now,
    kubelet: (node) => sim.kubelets.get(node),
    controlPlaneUrl: `https://${ip}:6443`,
  };
}

/** Workstation programs first, then the simulation's userland (GNU tools, bash, sh). */
class WorkstationRegistry extends MapRegistry {
  constructor(private readonly fallback: ProgramRegistry) {
    super();
  }

  override get(name: string): Program | undefined {
    return super.get(name) ?? this.fallback.get(name);
  }
}

/** Options of a workstation. */
export interface WorkstationOptions {
  /** Files to place, by path (relative paths are under the home folder). */
  files?: Record<string, string>;
  /** The editor `vi`/`vim`/`nano` hand files to (the UI); none in the CLI. */
  editor?: () => EditorHost | undefined;
}

/** A workstation: its namespace, file system, programs and shell sessions. */
export interface Workstation {
  ns: ProcessNamespace;
  fs: Vfs;
  programs: MapRegistry;
  env: Map<string, string>;
  /** Line-editor state (history) per interactive shell process. */
  sessions: WeakMap<Process, LineEditorSession>;
  /** The workstation's interactive bash. */
  bash: Program;
}

/** Creates the workstation for a simulation, with GNU tools, bash, kubectl and a home folder. */
export function createWorkstation(sim: Simulation, options: WorkstationOptions = {}): Workstation {
  const tree = new FileTree('workstation', sim.now);
  const fs = new Vfs(tree, () => sim.now);
  installDebianUserland(fs);
  const access = clusterAccess(sim);
  const programs = new WorkstationRegistry(sim.userland.programs);
  const sessions = new WeakMap<Process, LineEditorSession>();
  const ns = createProcessNamespace({
    id: 'workstation',
    hostname: WORKSTATION_HOST,
    fs,
    net: createNetNamespace(sim.network, 'workstation', [WORKSTATION_IP], () => undefined),
    isContainer: false,
    programs,
  });
  const kubectlRoot = rootCommand();
  const session = (proc: Process): LineEditorSession => {
    let s = sessions.get(proc);
    if (!s) {
      s = {
        history: [],
        complete: (line, cursor) =>
          completeLine(
            {
              fs,
              cwd: () => proc.cwd,
              path: () => proc.env.get('PATH') ?? '',
              builtins: Object.keys(BUILTINS),
              server: sim.server,
              kubectl: kubectlRoot,
            },
            line,
            cursor,
          ),
      };
      sessions.set(proc, s);
    }
    return s;
  };
  const bash = makeShellProgram({
    dialect: 'bash',
    ps1: WORKSTATION_PS1,
    lineReader: (sh, prompt) => createLineEditor(session(sh.proc))(sh, prompt),
  });
  programs
    .add('kubectl', kubectlProgram(access))
    .add('bash', bash)
    .add('watch', watchProgram)
    .add('clear', clearProgram)
    .add(
      'history',
      historyProgram((shell) => sessions.get(shell)?.history),
    )
    .add('editor', editorProgram(options.editor ?? (() => undefined)));
  fs.installProgram('/usr/local/bin/kubectl', 'kubectl');
  fs.installProgram('/usr/bin/bash', 'bash');
  fs.installProgram('/usr/bin/watch', 'watch');
  fs.installProgram('/usr/bin/clear', 'clear');
  fs.installProgram('/usr/local/bin/history', 'history');
  for (const name of ['vi', 'vim', 'nano']) fs.installProgram(`/usr/bin/${name}`, 'editor');
  fs.mkdir(HOME, { parents: true });
  fs.mkdir('/tmp', { parents: true });
  fs.writeFile('/etc/hostname', `${WORKSTATION_HOST}\n`);
  fs.writeFile(
    '/etc/passwd',
    `${WORKSTATION_USER}:x:1000:1000:Podlab learner,,,:${HOME}:/bin/bash\n`,
    { append: true },
  );
  fs.writeFile('/etc/group', `${WORKSTATION_USER}:x:1000:\n`, { append: true });
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const abs = resolvePath(HOME, path);
    fs.mkdir(dirName(abs), { parents: true });
    fs.writeFile(abs, utf8Encode(content), { mode: /\.sh$/.test(path) ? 0o755 : 0o644 });
  }
  const env = new Map([
    ['HOME', HOME],
    ['USER', WORKSTATION_USER],
    ['LOGNAME', WORKSTATION_USER],
    ['SHELL', '/bin/bash'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['LANG', 'C.UTF-8'],
    ['TERM', 'xterm-256color'],
    ['PWD', HOME],
    ['HOSTNAME', WORKSTATION_HOST],
  ]);
  return { ns, fs, programs, env, sessions, bash };
}
