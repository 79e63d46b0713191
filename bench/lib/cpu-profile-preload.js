'use strict';

/**
 * Preloaded (`node --require`) into a server the bench profiles. SIGWINCH starts the V8 CPU
 * profiler, the next SIGWINCH stops it and writes the profile to $BENCH_CPU_PROFILE (a
 * .cpuprofile file, readable by Chrome DevTools and bench/lib/cpuprofile-summary.js).
 *
 * Not `node --cpu-prof`: that writes only on a normal exit, and Nest's shutdown hooks end the
 * process by re-raising SIGTERM; and it would profile the start-up and warm-up too. Not SIGUSR2
 * either: Nest's enableShutdownHooks() shuts the app down on it. SIGWINCH is ignored by default,
 * so a stray one harms no process that lacks this preload.
 */

const fs = require('node:fs');
const inspector = require('node:inspector');

const file = process.env.BENCH_CPU_PROFILE;
const intervalUs = Number(process.env.BENCH_CPU_PROFILE_INTERVAL_US || 500);

if (file) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: intervalUs }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) {
        process.stderr.write(`cpu-profile: ${error.message}\n`);
        return;
      }
      fs.writeFileSync(`${file}.partial`, JSON.stringify(result.profile));
      fs.renameSync(`${file}.partial`, file); // appears whole or not at all
    });
  });
}
