import fs from 'node:fs';

const TICKS_PER_S = 100; // USER_HZ on Linux
const PAGE_KB = 4;

type Proc = { pid: number; ppid: number; ticks: number; rssKb: number };

/** Proportional set size: shared pages (ffmpeg's code, mapped by every ffmpeg) split between their users. */
function pssKb(pid: number, fallback: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : fallback;
  } catch {
    return fallback;
  }
}

function read(pid: number): Proc | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rssKb: Number(fields[21]) * PAGE_KB };
  } catch {
    return null;
  }
}

/** A process and all its descendants (the core and its ffmpegs): CPU seconds used and memory (PSS). */
export function treeUsage(root: number): { cpuSeconds: number; rssMb: number; processes: number } {
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => read(Number(name)))
    .filter((proc): proc is Proc => !!proc);
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const proc of all) {
      if (inTree.has(proc.pid) || !inTree.has(proc.ppid)) continue;
      inTree.add(proc.pid);
      grew = true;
    }
  }
  const tree = all.filter((proc) => inTree.has(proc.pid));
  return {
    cpuSeconds: tree.reduce((sum, proc) => sum + proc.ticks, 0) / TICKS_PER_S,
    rssMb: tree.reduce((sum, proc) => sum + pssKb(proc.pid, proc.rssKb), 0) / 1024,
    processes: tree.length,
  };
}
