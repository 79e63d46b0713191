'use strict';

/**
 * A small OpenAI-compatible embeddings endpoint for the benches (POST /embeddings, or
 * …/v1/embeddings: {"model","input":[texts]} → {"object":"list","data":[{"object","index","embedding"}],…}),
 * on 127.0.0.1 and a free port, with deterministic vectors instead of a model:
 *
 * - each group (`groupOf(text)`) has a vector of `dimension` components drawn from a PRNG seeded
 *   by a hash of the group's name: in 512 dimensions two groups' vectors are nearly orthogonal
 *   (cosine about ±0.05), as unrelated texts are for a real model;
 * - each text gets its group's vector plus NOISE × a vector seeded by a hash of the text (both unit
 *   length before the sum): texts of one group have cosines around 0.98, close but not identical,
 *   so the clustering has to compare vectors rather than find equal ones.
 *
 * Components are rounded to 6 decimals, about what a real server's float32 answers take in JSON,
 * so that the bytes the CLI reads and parses are of a realistic size.
 *
 * It counts requests and texts (and texts it had already been sent), and measures its own busy time
 * (from the request's full body to res.end() having returned, JSON.stringify of the answer
 * included), so that a bench can subtract what a real model's server would spend anyway.
 * CommonJS, no dependencies.
 */

const http = require('node:http');
const { mulberry32 } = require('./texts');

const DEFAULT_DIMENSION = 512; // bge-small-zh's
const NOISE = 0.15;
/** Request bodies above this are refused (413): 2048 texts of a few hundred characters fit easily. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** FNV-1a over the UTF-16 code units: a 32-bit seed for a text or a group's name. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A unit vector of `dimension` components from a PRNG seeded by `seed`. */
function unitVector(seed, dimension) {
  const random = mulberry32(seed);
  const vector = new Float64Array(dimension);
  let squares = 0;
  for (let i = 0; i < dimension; i += 1) {
    vector[i] = random() - 0.5;
    squares += vector[i] * vector[i];
  }
  const norm = Math.sqrt(squares);
  for (let i = 0; i < dimension; i += 1) vector[i] /= norm;
  return vector;
}

/**
 * Starts the server; resolves { url, stats, reset(), close() }, `url` the base the CLI's
 * EMBEDDINGS_URL takes (http://127.0.0.1:port/v1), `stats` { requests, texts, repeatedTexts,
 * busyMs } kept up to date.
 */
function start({ dimension = DEFAULT_DIMENSION, groupOf = (text) => text, noise = NOISE } = {}) {
  const groupVectors = new Map();
  const seen = new Set();
  const stats = { requests: 0, texts: 0, repeatedTexts: 0, busyMs: 0, failures: 0 };

  const vectorOf = (text) => {
    const group = String(groupOf(text));
    let base = groupVectors.get(group);
    if (!base) groupVectors.set(group, (base = unitVector(hash32(`group:${group}`), dimension)));
    const own = unitVector(hash32(`text:${text}`) ^ 0x5bd1e995, dimension);
    const embedding = new Array(dimension);
    for (let i = 0; i < dimension; i += 1) embedding[i] = Math.round((base[i] + noise * own[i]) * 1e6) / 1e6;
    return embedding;
  };

  const answer = (res, status, body) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const began = process.hrtime.bigint();
      try {
        stats.requests += 1;
        if (req.method !== 'POST' || !/(^|\/)embeddings$/.test(req.url.split('?')[0])) return answer(res, 404, { error: { message: `no ${req.method} ${req.url}` } });
        if (size > MAX_BODY_BYTES) return answer(res, 413, { error: { message: 'body too large' } });
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return answer(res, 400, { error: { message: 'body is not JSON' } });
        }
        const input = typeof body?.input === 'string' ? [body.input] : body?.input;
        if (!Array.isArray(input) || !input.every((text) => typeof text === 'string')) return answer(res, 400, { error: { message: '"input" must be a string or a list of strings' } });
        stats.texts += input.length;
        for (const text of input) {
          if (seen.has(text)) stats.repeatedTexts += 1;
          else seen.add(text);
        }
        const data = input.map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text) }));
        answer(res, 200, { object: 'list', model: body.model ?? null, data, usage: { prompt_tokens: 0, total_tokens: 0 } });
      } catch (error) {
        stats.failures += 1;
        answer(res, 500, { error: { message: String(error && error.message) } });
      } finally {
        stats.busyMs += Number(process.hrtime.bigint() - began) / 1e6;
      }
    });
  });
  // Keep-alive connections must not hold close() up once the bench is done.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/v1`,
        stats,
        /** Zeroes the counts, and forgets which texts it has seen: before another run. */
        reset() {
          Object.assign(stats, { requests: 0, texts: 0, repeatedTexts: 0, busyMs: 0, failures: 0 });
          seen.clear();
        },
        close() {
          return new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          });
        },
      });
    });
  });
}

module.exports = { start, DEFAULT_DIMENSION, NOISE, hash32 };
