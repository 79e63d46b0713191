'use strict';

const autocannon = require('autocannon');

/** The demo organiser (`cli demo`, or the embedded first start): every scenario logs in as it. */
const DEMO_LOGIN = { username: 'organiser', password: 'demo12345' };

/**
 * One autocannon run, bounded: autocannon's own duration, plus a hard stop of our own in case it
 * never calls back. `onResponse`, if given, sees every response (status counting, row accounting).
 */
function cannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const instance = autocannon({ timeout: 10, ...options }, (error, result) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      if (error) reject(error);
      else resolve(result);
    });
    if (onResponse) instance.on('response', onResponse);
    const guard = setTimeout(() => {
      if (settled) return;
      instance.stop(); // autocannon then calls back with what it has
      setTimeout(() => {
        if (settled) return;
        settled = true;
        reject(new Error(`autocannon did not finish within ${options.duration + 20} s`));
      }, 5_000).unref();
    }, (options.duration + 15) * 1000);
  });
}

module.exports = { DEMO_LOGIN, cannon };
