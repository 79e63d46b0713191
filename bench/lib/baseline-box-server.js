#!/usr/bin/env node
'use strict';

/**
 * Baseline for the box-submit scenario: what `POST /api/v1/public/boxes/:slug/opinions` costs
 * with nothing but `node:http` and mysql2. Started by bench/lib/server.js like dist/main.js
 * (own process, HOST/PORT from the environment, GET /health/ready), so both are measured alike.
 *
 * Per request: read the body, JSON.parse, validate by hand the rules of SubmitOpinionDto and
 * BoxSubmissionsService (text a string of 5..2000 code points once trimmed; aspect optional, one
 * of the meeting's; targetMemberId optional, a team member's user id; accessCode optional; any
 * other field → 400), then ONE INSERT into raw_opinions through a mysql2/promise pool, and
 * 201 {receipt}. No logging, no rate limit, no framework.
 *
 * Environment (besides HOST, PORT):
 *   BASELINE_DATABASE_URL  mysql://user[:password]@host:port/database
 *   BASELINE_POOL_SIZE     connections in the pool (default 20, the app's DB_POOL_SIZE default)
 *   BASELINE_BOXES         JSON {slug: {id, organizationId, meetingId}}
 *   BASELINE_ASPECTS       JSON array of the meeting's aspects
 *   BASELINE_TEAM          JSON array of the team members' user ids
 *   ANONYMITY_SECRET       HMAC key of the receipt hashes
 *   TIME_ZONE              for receivedOn (default Asia/Shanghai, as the app)
 */

const crypto = require('node:crypto');
const http = require('node:http');
const mysql = require('mysql2/promise');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 3000);
const BOXES = JSON.parse(process.env.BASELINE_BOXES || '{}');
const ASPECTS = new Set(JSON.parse(process.env.BASELINE_ASPECTS || '[]'));
const TEAM = new Set(JSON.parse(process.env.BASELINE_TEAM || '[]'));
const SECRET = process.env.ANONYMITY_SECRET || crypto.randomBytes(32).toString('hex');
const BODY_LIMIT = 256 * 1024; // the app's BODY_LIMIT default
const KNOWN_FIELDS = new Set(['text', 'aspect', 'targetMemberId', 'accessCode']);
const ROUTE = /^\/api\/v1\/public\/boxes\/([a-z0-9]{8,32})\/opinions$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const pool = mysql.createPool({
  uri: process.env.BASELINE_DATABASE_URL,
  connectionLimit: Number(process.env.BASELINE_POOL_SIZE || 20),
  charset: 'utf8mb4_unicode_ci',
  timezone: 'Z',
});

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: process.env.TIME_ZONE || 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** 16 characters of Crockford base32 (80 random bits), grouped by four like the app's receipts. */
function receiptCode() {
  const bytes = crypto.randomBytes(10);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      code += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12, 16)}`;
}

function send(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

const fail = (res, status, message) => send(res, status, { statusCode: status, message });

/** Null when valid, else the problem. Mirrors SubmitOpinionDto + BoxSubmissionsService. */
function validate(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body must be an object';
  for (const key of Object.keys(body)) if (!KNOWN_FIELDS.has(key)) return `unknown field ${key}`;
  if (typeof body.text !== 'string') return 'text must be a string';
  const text = body.text.trim();
  let length = 0;
  for (const _ of text) if (++length > 2000) return 'text too long';
  if (length < 5) return 'text too short';
  let aspect = null;
  if (body.aspect !== undefined) {
    if (typeof body.aspect !== 'string') return 'aspect must be a string';
    aspect = body.aspect.trim() || null;
    if (aspect !== null && !ASPECTS.has(aspect)) return 'aspect not one of the meeting';
  }
  let target = null;
  if (body.targetMemberId !== undefined && body.targetMemberId !== null) {
    if (typeof body.targetMemberId !== 'string' || body.targetMemberId.length > 36) return 'targetMemberId must be a string';
    target = body.targetMemberId || null;
    if (target !== null && !TEAM.has(target)) return 'targetMemberId not in the team';
  }
  if (body.accessCode !== undefined && (typeof body.accessCode !== 'string' || body.accessCode.trim().length > 50)) return 'accessCode must be a string';
  return { text, aspect, target };
}

const INSERT =
  'INSERT INTO raw_opinions (id, organizationId, meetingId, channel, sourceId, text, aspect, targetMemberId, receivedOn, receiptHash, pendingAggregation, held) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)';

async function submit(res, box, raw) {
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(res, 400, 'malformed JSON');
  }
  const valid = validate(body);
  if (typeof valid === 'string') return fail(res, 400, valid);
  const receipt = receiptCode();
  const receiptHash = crypto.createHmac('sha256', SECRET).update(`receipt:${receipt}`).digest('hex');
  try {
    await pool.execute(INSERT, [crypto.randomUUID(), box.organizationId, box.meetingId, 'box', box.id, valid.text, valid.aspect, valid.target, dayFormat.format(new Date()), receiptHash, 0, 1]);
  } catch (error) {
    process.stderr.write(`insert failed: ${error.message}\n`);
    return fail(res, 500, 'insert failed');
  }
  send(res, 201, { receipt });
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health/ready') return send(res, 200, { status: 'ok' });
  const match = req.method === 'POST' ? ROUTE.exec(req.url) : null;
  if (!match) return fail(res, 404, 'not found');
  const box = BOXES[match[1]];
  if (!box) return fail(res, 404, 'no such box');
  if (!/^application\/json\b/i.test(req.headers['content-type'] || '')) return fail(res, 415, 'JSON only');
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= BODY_LIMIT) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > BODY_LIMIT) return fail(res, 413, 'body too large');
    submit(res, box, Buffer.concat(chunks).toString('utf8')).catch((error) => {
      process.stderr.write(`request failed: ${error.stack}\n`);
      if (!res.headersSent) fail(res, 500, 'internal error');
    });
  });
});

// Listen only once the database answers, so that /health/ready means ready.
pool.query('SELECT 1').then(
  () => server.listen(PORT, HOST),
  (error) => {
    process.stderr.write(`baseline: cannot reach the database: ${error.message}\n`);
    process.exit(1);
  },
);

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
