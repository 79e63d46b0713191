'use strict';

/**
 * CPU time from /proc over a measured run: the server, this process (the load generator),
 * MariaDB, Redis, and everything else on the machine ("others").
 */

const fs = require('node:fs');

/** CPU time (user + system, ms) of a process from /proc, or null. */
function cpuMsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return null;
  }
}

function pidsNamed(names) {
  const found = [];
  try {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (names.includes(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) found.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return found;
}

/** All CPUs' busy and total time (ms) from /proc/stat, or null. */
function systemCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0); // user … steal (guest is inside user)
    const idle = fields[3] + fields[4]; // idle + iowait
    return { busy: ((total - idle) * 1000) / 100, total: (total * 1000) / 100 };
  } catch {
    return null;
  }
}

/**
 * CPU use over the measurement, in % of one core: the server, this process (autocannon),
 * MariaDB, Redis, and whatever else ran on the machine meanwhile ("others": a build or test
 * run someone started makes the figures unreliable).
 */
function cpuMeter(serverPid) {
  const groups = { server: [serverPid], mariadb: pidsNamed(['mariadbd', 'mysqld']), redis: pidsNamed(['redis-server']) };
  const sum = (pids) => {
    if (pids.length === 0) return null;
    let total = 0;
    for (const pid of pids) {
      const ms = cpuMsOf(pid);
      if (ms === null) return null;
      total += ms;
    }
    return total;
  };
  const before = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, sum(pids)]));
  const self = process.cpuUsage();
  const systemBefore = systemCpuMs();
  const startedAt = Date.now();
  return () => {
    const wallMs = Date.now() - startedAt;
    const percent = (ms) => (ms === null ? null : Math.round((ms / wallMs) * 100));
    const used = process.cpuUsage(self);
    const result = { loadGenerator: percent((used.user + used.system) / 1000) };
    for (const [name, pids] of Object.entries(groups)) {
      const after = sum(pids);
      result[name] = before[name] === null || after === null ? null : percent(after - before[name]);
    }
    const systemAfter = systemCpuMs();
    if (systemBefore && systemAfter) {
      result.machine = percent(systemAfter.busy - systemBefore.busy);
      result.machineCapacity = percent(systemAfter.total - systemBefore.total);
      const known = ['loadGenerator', 'server', 'mariadb', 'redis'].map((key) => result[key] ?? 0).reduce((a, b) => a + b, 0);
      result.others = Math.max(0, result.machine - known);
    }
    return result;
  };
}

module.exports = { cpuMsOf, pidsNamed, systemCpuMs, cpuMeter };
