// CPU time spent by processes, read from /proc (Linux): the benchmark divides what a server's
// process group and PostgreSQL's processes used during a measurement by the requests it served,
// so a figure says where the time went, not only how long it took.
import { readdirSync, readFileSync } from "node:fs";

// USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux the project runs on.
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  command: string;
  group: number;
  cpuMs: number;
}

function readProcess(pid: string): ProcessTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command sits in parentheses and may hold spaces: fields count from its end.
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return {
      command,
      group: Number(fields[2]),
      cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND,
    };
  } catch {
    return null; // gone meanwhile
  }
}

// A backend's title: "postgres: [<cluster>: ]<user> <database> <client> <state>".
const BACKEND = /^postgres: (?:\S+: )?\S+ (\S+) /;
const isBackendOf = (pid: string, database: string) => {
  try {
    return BACKEND.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8"))?.[1] === database;
  } catch {
    return false;
  }
};

/**
 * CPU milliseconds used so far by each process of the groups in `groups` and by each PostgreSQL
 * backend connected to `database` (other databases' work on the same server is left out).
 */
export function cpuSnapshot(groups: number[], database: string) {
  const processes = new Map<number, number>();
  const postgres = new Map<number, number>();
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const times = readProcess(pid);
    if (!times) continue;
    if (groups.includes(times.group)) processes.set(Number(pid), times.cpuMs);
    if (times.command === "postgres" && isBackendOf(pid, database)) {
      postgres.set(Number(pid), times.cpuMs);
    }
  }
  return { processes, postgres };
}

/** CPU ms used between two snapshots by the processes of the second (new ones from zero). */
function used(before: Map<number, number>, after: Map<number, number>) {
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}

/**
 * Runs `work` and returns its result with the CPU ms the groups' processes and the database's
 * backends used meanwhile (a backend that ends during `work` takes its share with it).
 */
export async function withCpu<T>(groups: number[], database: string, work: () => Promise<T>) {
  const before = cpuSnapshot(groups, database);
  const result = await work();
  const after = cpuSnapshot(groups, database);
  return {
    result,
    serverCpuMs: used(before.processes, after.processes),
    postgresCpuMs: used(before.postgres, after.postgres),
  };
}
