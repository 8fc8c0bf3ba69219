#!/usr/bin/env node
// Interop peer: drives a gRPC server with @grpc/grpc-js (and @grpc/proto-loader), as installed in the
// repository's node_modules by package.json.
//
//     node tests/interop/node/peer.js --target 127.0.0.1:PORT [scenario ...]
//
// Runs the named scenarios (all when none are named), in the order given. Each prints one JSON line
//     {"peer":"node","scenario":NAME,"ok":true|false,"detail":"..."}
// and the exit code is 0 only when every requested scenario passed. The scenarios and their names are
// the same as in ../python/peer.py; the expected behaviour is the one echo.proto's comments define.
//
// Bounded: every RPC carries a deadline, each scenario is abandoned (reported failed) after
// SCENARIO_TIMEOUT_MS and its clients closed, and the process ends with process.exit so that no
// leftover handle can keep it alive.
'use strict';

const path = require('path');
const crypto = require('crypto');
const { performance } = require('perf_hooks');

// Resolve the toolchain from the repository root's node_modules, wherever this is run from.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const fromRepo = (name) => require(require.resolve(name, { paths: [REPO_ROOT] }));
const grpc = fromRepo('@grpc/grpc-js');
const protoLoader = fromRepo('@grpc/proto-loader');
// protobufjs (proto-loader's own dependency) ships google.protobuf.descriptor support; used to
// decode the FileDescriptorProtos that reflection returns.
const descriptor = fromRepo('protobufjs/ext/descriptor');

const PEER = 'node';
const SCENARIO_TIMEOUT_MS = 30000;
const RPC_TIMEOUT_MS = 20000; // deadline for every RPC that has no tighter one of its own
const MiB = 1024 * 1024;
const SERVER_MAX_RECEIVE = 4 * MiB; // the gRPC default limit the server under test must enforce
const ECHO = 'custodysettle.testing.v1.Echo';

// keepCase: field names as in the .proto (status_code, not statusCode); longs as JS numbers
// (sequence and messages_sent stay far below 2^53); enums as names; defaults so that absent proto3
// fields read as false/0/""; oneofs so a message says which oneof member it carries.
const packageDefinition = protoLoader.loadSync(
  [
    'custodysettle/testing/v1/echo.proto',
    'grpc/health/v1/health.proto',
    'grpc/reflection/v1alpha/reflection.proto',
    'grpc/reflection/v1/reflection.proto',
  ],
  {
    includeDirs: [path.join(REPO_ROOT, 'tests', 'interop', 'protos'), path.join(REPO_ROOT, 'protos')],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
  });
const loaded = grpc.loadPackageDefinition(packageDefinition);
const Echo = loaded.custodysettle.testing.v1.Echo;
const Health = loaded.grpc.health.v1.Health;
const Reflection = {
  v1alpha: loaded.grpc.reflection.v1alpha.ServerReflection,
  v1: loaded.grpc.reflection.v1.ServerReflection,
};

class Failure extends Error {}

function expect(cond, detail) {
  if (!cond) throw new Failure(detail);
}

const deadline = (ms = RPC_TIMEOUT_MS) => ({ deadline: Date.now() + ms });
const codeName = (code) => Object.keys(grpc.status).find((k) => grpc.status[k] === code) || String(code);
const errText = (e) => (e && e.code !== undefined ? `${codeName(e.code)} ${JSON.stringify(e.details)}` : String(e));
const newTag = (name) => `${PEER}-${name}-${crypto.randomUUID()}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Per-scenario resources: every client made through it is closed when the scenario ends, also when
// it timed out, so nothing keeps running into the next scenario.
class Scope {
  constructor(target) {
    this.target = target;
    this.clients = [];
  }

  make(Ctor, options = {}) {
    const client = new Ctor(this.target, grpc.credentials.createInsecure(), options);
    this.clients.push(client);
    return client;
  }

  close() {
    for (const c of this.clients) c.close();
    this.clients = [];
  }
}

// A unary call that resolves (never rejects) once both the callback and the 'status' event came:
// { err, res, headers, status } where status.metadata holds the trailers.
function unary(client, method, request, { metadata = new grpc.Metadata(), options = deadline() } = {}) {
  return new Promise((resolve) => {
    const out = { err: null, res: null, headers: null, status: null };
    let pending = 2;
    const done = () => { if (--pending === 0) resolve(out); };
    const call = client[method](request, metadata, options, (err, res) => {
      out.err = err;
      out.res = res;
      done();
    });
    call.on('metadata', (md) => { out.headers = md; });
    call.on('status', (st) => { out.status = st; done(); });
  });
}

// Collects a stream's outcome: resolves with the final status ('error' is swallowed here, the status
// says the same). Attach before anything can fail so an 'error' is never unhandled.
function finished(call) {
  return new Promise((resolve) => {
    call.on('error', () => {});
    call.on('status', resolve);
  });
}

// Pulls messages one at a time from a readable call (server stream / duplex).
function messageQueue(call) {
  const items = [];
  const waiters = [];
  let closed = null;
  const settle = () => {
    while (waiters.length && (items.length || closed)) {
      const w = waiters.shift();
      if (items.length) w.resolve(items.shift());
      else w.reject(closed);
    }
  };
  call.on('data', (m) => { items.push(m); settle(); });
  call.on('error', (e) => { closed = new Failure(`stream failed: ${errText(e)}`); settle(); });
  call.on('end', () => { closed = closed || new Failure('stream ended early'); settle(); });
  return () => new Promise((resolve, reject) => { waiters.push({ resolve, reject }); settle(); });
}

async function observe(scope, tag) {
  // The server waits up to 10 s for the handler to finish, hence the default (20 s) deadline.
  const r = await unary(scope.make(Echo), 'Observe', { tag });
  expect(!r.err, `Observe failed: ${errText(r.err)}`);
  return r.res;
}

const scenarios = {
  async unary(scope) {
    const payload = Buffer.alloc(1024);
    for (let i = 0; i < payload.length; i++) payload[i] = i % 256;
    const r = await unary(scope.make(Echo), 'Unary', { message: 'hello ✓', payload });
    expect(!r.err, `call failed: ${errText(r.err)}`);
    expect(r.res.message === 'hello ✓', `message: expected 'hello ✓', got ${JSON.stringify(r.res.message)}`);
    expect(Buffer.compare(r.res.payload, payload) === 0,
      `payload: expected the 1024 bytes sent, got ${r.res.payload.length} bytes`);
    return 'message and 1 KiB payload echoed';
  },

  async status_codes(scope) {
    const client = scope.make(Echo);
    const problems = [];
    for (let code = 1; code <= 16; code++) {
      const text = `ñ 日本 100% ✓ code ${code}`;
      const r = await unary(client, 'Unary', { status_code: code, status_message: text });
      if (!r.err) problems.push(`code ${code}: call succeeded`);
      else if (r.err.code !== code || r.err.details !== text) {
        problems.push(`code ${code}: expected (${code}, ${JSON.stringify(text)}), got (${r.err.code}, ${JSON.stringify(r.err.details)})`);
      }
    }
    expect(problems.length === 0, problems.join('; '));
    return 'codes 1..16 with their percent-encoded messages round-tripped';
  },

  async deadline(scope) {
    const tag = newTag('deadline');
    // Connect first, and give the handler a second to start: on a loaded machine a 300 ms deadline
    // could expire before the request reached the handler, and Observe would then rightly report a
    // handler that never ran.
    const client = scope.make(Echo);
    const warm = await unary(client, 'Unary', { message: 'warm-up' });
    expect(!warm.err, `warm-up failed: ${errText(warm.err)}`);
    const start = performance.now();
    const r = await unary(client, 'Sleep', { duration_ms: 5000, tag }, { options: deadline(1000) });
    const elapsed = (performance.now() - start) / 1000;
    expect(r.err, 'Sleep(5000 ms) with a 1 s deadline succeeded');
    expect(r.err.code === grpc.status.DEADLINE_EXCEEDED, `expected DEADLINE_EXCEEDED, got ${errText(r.err)}`);
    expect(elapsed < 3, `DEADLINE_EXCEEDED only after ${elapsed.toFixed(2)} s (expected < 3 s)`);
    const obs = await observe(scope, tag);
    expect(obs.cancelled && obs.finished,
      `Observe: expected cancelled=true finished=true, got cancelled=${obs.cancelled} finished=${obs.finished}`);
    return `DEADLINE_EXCEEDED after ${elapsed.toFixed(2)} s; server handler cancelled and finished`;
  },

  async cancel_stream(scope) {
    const tag = newTag('cancel_stream');
    const call = scope.make(Echo).ServerStream({ count: 100000, interval_ms: 5, tag }, deadline());
    const status = finished(call);
    const next = messageQueue(call);
    for (let i = 0; i < 10; i++) {
      const m = await next();
      expect(m.sequence === i, `message ${i} has sequence ${m.sequence}`);
    }
    call.cancel();
    const st = await status;
    expect(st.code === grpc.status.CANCELLED, `after cancel() the call reports ${codeName(st.code)}, expected CANCELLED`);
    const obs = await observe(scope, tag);
    expect(obs.cancelled && obs.finished && obs.messages_sent < 1000,
      `Observe: expected cancelled=true finished=true messages_sent<1000, got cancelled=${obs.cancelled} finished=${obs.finished} messages_sent=${obs.messages_sent}`);
    return `cancelled after 10 messages; server stopped after ${obs.messages_sent}`;
  },

  async oversize(scope) {
    // Lift the client's own limits so that only the server's 4 MiB receive limit is tested.
    const client = scope.make(Echo, {
      'grpc.max_send_message_length': 64 * MiB,
      'grpc.max_receive_message_length': 64 * MiB,
    });
    // Largest payload whose serialized EchoRequest is exactly 4 MiB: minus the field's tag byte and
    // its length varint (4 bytes for lengths of 2^21..2^28-1). Checked with the real serializer.
    const fit = SERVER_MAX_RECEIVE - 1 - 4;
    const size = packageDefinition[ECHO].Unary.requestSerialize({ payload: Buffer.alloc(fit) }).length;
    expect(size === SERVER_MAX_RECEIVE, `bug: request is ${size} bytes`);
    const cases = [
      ['payload 4 MiB + 1', 4 * MiB + 1, grpc.status.RESOURCE_EXHAUSTED],
      ['message 4 MiB + 1', fit + 1, grpc.status.RESOURCE_EXHAUSTED],
      ['message exactly 4 MiB', fit, grpc.status.OK],
    ];
    const seen = [];
    for (const [label, n, want] of cases) {
      const payload = Buffer.alloc(n);
      const r = await unary(client, 'Unary', { payload });
      const got = r.err ? r.err.code : grpc.status.OK;
      expect(got === want, `${label}: expected ${codeName(want)}, got ${r.err ? errText(r.err) : 'OK'}`);
      if (!r.err) expect(Buffer.compare(r.res.payload, payload) === 0, `${label}: reply payload differs (${r.res.payload.length} bytes)`);
      seen.push(`${label} -> ${codeName(got)}`);
    }
    return seen.join('; ');
  },

  async unknown_service(scope) {
    return expectUnimplemented(scope, '/custodysettle.testing.v1.Nope/Unary');
  },

  async unknown_method(scope) {
    return expectUnimplemented(scope, '/custodysettle.testing.v1.Echo/Nope');
  },

  async metadata(scope) {
    const sent = { 'x-echo-text': 'plain value', 'x-echo-data-bin': Buffer.from([0, 1, 2, 255, 254, 0x7f]) };
    const md = new grpc.Metadata();
    // grpc-js base64-encodes Buffer values of "-bin" keys itself and decodes them back into Buffers.
    for (const [k, v] of Object.entries(sent)) md.add(k, v);
    const r = await unary(scope.make(Echo), 'Unary', { message: 'md' }, { metadata: md });
    expect(!r.err, `call failed: ${errText(r.err)}`);
    const problems = [];
    for (const [where, got] of [['headers', r.headers], ['trailers', r.status.metadata]]) {
      for (const [k, v] of Object.entries(sent)) {
        const values = got ? got.get(k) : [];
        const same = values.length === 1 && (Buffer.isBuffer(v) ? Buffer.isBuffer(values[0]) && v.equals(values[0]) : values[0] === v);
        if (!same) problems.push(`${where} ${k}: expected [${Buffer.isBuffer(v) ? v.toString('hex') : v}], got [${values.map((x) => (Buffer.isBuffer(x) ? x.toString('hex') : x)).join(', ')}]`);
      }
    }
    expect(problems.length === 0, problems.join('; '));
    return 'x-echo-text and x-echo-data-bin echoed in headers and trailers';
  },

  async slow_reader(scope) {
    const total = 10000;
    const call = scope.make(Echo).ServerStream(
      { count: total, payload_size: 1024, interval_ms: 0, tag: newTag('slow_reader') }, deadline());
    const status = finished(call);
    let n = 0;
    let problem = null;
    call.on('data', (m) => {
      if (!problem && m.sequence !== n) problem = `message ${n} has sequence ${m.sequence}`;
      if (!problem && m.payload.length !== 1024) problem = `message ${n} has ${m.payload.length} payload bytes`;
      n++;
      if (n % 500 === 0) {
        // Read slowly: paused, grpc-js stops pulling from HTTP/2, so the server must respect flow control.
        call.pause();
        setTimeout(() => call.resume(), 50);
      }
    });
    const st = await status;
    expect(!problem, problem);
    expect(st.code === grpc.status.OK, `stream ended with ${codeName(st.code)} ${JSON.stringify(st.details)} after ${n} messages`);
    expect(n === total, `received ${n} messages, expected ${total}`);
    return `all ${total} messages in order`;
  },

  async client_stream(scope) {
    const res = await new Promise((resolve, reject) => {
      const call = scope.make(Echo).ClientStream(deadline(), (err, r) => (err ? reject(new Failure(`call failed: ${errText(err)}`)) : resolve(r)));
      for (const t of ['a', 'b', 'c']) call.write({ message: t });
      call.end();
    });
    expect(res.count === 3 && res.message === 'a,b,c',
      `expected count=3 message='a,b,c', got count=${res.count} message=${JSON.stringify(res.message)}`);
    return "count=3 message='a,b,c'";
  },

  async duplex(scope) {
    const call = scope.make(Echo).Duplex(deadline());
    const status = finished(call);
    const next = messageQueue(call);
    const texts = ['x', 'y', 'z', 'w', 'v'];
    for (let seq = 0; seq < texts.length; seq++) {
      call.write({ message: texts[seq] });
      const m = await next(); // ping-pong: the next request goes out only after this reply
      expect(m.message === texts[seq] && m.sequence === seq,
        `reply ${seq}: expected (${texts[seq]}, ${seq}), got (${m.message}, ${m.sequence})`);
    }
    call.end();
    const st = await status;
    expect(st.code === grpc.status.OK, `call ended with ${codeName(st.code)} ${JSON.stringify(st.details)}`);
    return '5 ping-pongs, then OK';
  },

  async health(scope) {
    const client = scope.make(Health);
    for (const service of ['', ECHO]) {
      const r = await unary(client, 'Check', { service });
      expect(!r.err, `Check(${JSON.stringify(service)}) failed: ${errText(r.err)}`);
      expect(r.res.status === 'SERVING', `Check(${JSON.stringify(service)}): expected SERVING, got ${r.res.status}`);
    }
    const r = await unary(client, 'Check', { service: 'no.such.Service' });
    expect(r.err && r.err.code === grpc.status.NOT_FOUND,
      `Check('no.such.Service'): expected NOT_FOUND, got ${r.err ? errText(r.err) : `a reply ${r.res.status}`}`);
    const call = client.Watch({ service: '' }, deadline());
    const status = finished(call);
    const first = await messageQueue(call)();
    call.cancel(); // Watch never ends by itself
    await status;
    expect(first.status === 'SERVING', `Watch(''): first status ${first.status}, expected SERVING`);
    return "Check ''/Echo SERVING, unknown NOT_FOUND, Watch '' SERVING";
  },

  async reflection(scope) {
    const results = [];
    for (const version of ['v1alpha', 'v1']) results.push(await reflectionCheck(scope, version));
    return results.join('; ');
  },
};

async function expectUnimplemented(scope, method) {
  // A generic client sending an empty message as raw bytes: no service definition involved.
  const client = scope.make(grpc.Client);
  const err = await new Promise((resolve) => {
    client.makeUnaryRequest(method, (b) => b, (b) => b, Buffer.alloc(0), new grpc.Metadata(), deadline(),
      (e) => resolve(e));
  });
  expect(err, `${method} succeeded, expected UNIMPLEMENTED`);
  expect(err.code === grpc.status.UNIMPLEMENTED, `${method}: expected UNIMPLEMENTED, got ${errText(err)}`);
  return `${method} -> UNIMPLEMENTED`;
}

async function reflectionCheck(scope, version) {
  const call = scope.make(Reflection[version]).ServerReflectionInfo(deadline());
  const replies = [];
  call.on('data', (m) => replies.push(m));
  const status = finished(call);
  // Reflection answers each request in order; sending all then half-closing is allowed.
  call.write({ list_services: '' });
  call.write({ file_containing_symbol: ECHO });
  call.write({ file_containing_symbol: 'no.such.Symbol' });
  call.end();
  const st = await status;
  expect(st.code === grpc.status.OK, `${version}: call ended with ${codeName(st.code)} ${JSON.stringify(st.details)}`);
  expect(replies.length === 3, `${version}: expected 3 responses, got ${replies.length}`);
  const [listed, bySymbol, unknown] = replies;

  expect(listed.message_response === 'list_services_response',
    `${version} list_services: got ${listed.message_response} ${JSON.stringify(listed.error_response)}`);
  const names = new Set(listed.list_services_response.service.map((s) => s.name));
  const wanted = [ECHO, 'grpc.health.v1.Health', 'grpc.reflection.v1alpha.ServerReflection', 'grpc.reflection.v1.ServerReflection'];
  const missing = wanted.filter((n) => !names.has(n));
  expect(missing.length === 0, `${version} list_services: missing ${missing.join(', ')} (got ${[...names].join(', ')})`);

  expect(bySymbol.message_response === 'file_descriptor_response',
    `${version} file_containing_symbol(Echo): got ${bySymbol.message_response} ${JSON.stringify(bySymbol.error_response)}`);
  let methods = null;
  for (const raw of bySymbol.file_descriptor_response.file_descriptor_proto) {
    const fdp = descriptor.FileDescriptorProto.decode(raw);
    if (!fdp.name.endsWith('echo.proto') || fdp.package !== 'custodysettle.testing.v1') continue;
    for (const svc of fdp.service) if (svc.name === 'Echo') methods = svc.method.map((m) => m.name);
  }
  expect(methods, `${version}: no echo.proto declaring ${ECHO}`);
  const wantMethods = ['Unary', 'ServerStream', 'ClientStream', 'Duplex', 'Sleep', 'Observe'];
  expect(JSON.stringify([...methods].sort()) === JSON.stringify([...wantMethods].sort()),
    `${version}: Echo methods ${methods.join(',')}, expected ${wantMethods.join(',')}`);

  expect(unknown.message_response === 'error_response' && unknown.error_response.error_code === 5,
    `${version} file_containing_symbol(no.such.Symbol): expected error_response code 5, got ${JSON.stringify(unknown)}`);
  return `${version} ok (${names.size} services listed)`;
}

// --- running ---------------------------------------------------------------------------------------

// An exception thrown from a grpc-js callback or event outside our awaits lands here; it fails the
// running scenario instead of crashing the process.
let failRunning = null;
const onStray = (e) => {
  if (failRunning) failRunning(e);
  else process.stderr.write(`stray error between scenarios: ${e && e.stack ? e.stack : e}\n`);
};
process.on('uncaughtException', onStray);
process.on('unhandledRejection', onStray);

async function runOne(target, name) {
  const scope = new Scope(target);
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`timed out after ${SCENARIO_TIMEOUT_MS / 1000} s`)), SCENARIO_TIMEOUT_MS);
    failRunning = reject;
  });
  try {
    return [true, (await Promise.race([scenarios[name](scope), guard])) || ''];
  } catch (e) {
    if (e instanceof Failure) return [false, e.message];
    const where = e && e.stack ? (e.stack.split('\n').find((l) => l.includes('peer.js')) || '').trim() : '';
    return [false, `unexpected ${e && e.name ? e.name : typeof e}: ${e && e.message ? e.message : e} ${where}`.trim()];
  } finally {
    clearTimeout(timer);
    failRunning = null;
    scope.close();
  }
}

function parseArgs(argv) {
  let target = null;
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target') target = argv[++i];
    else if (argv[i].startsWith('--target=')) target = argv[i].slice('--target='.length);
    else if (argv[i] === '--help' || argv[i] === '-h') target = null, names.length = 0, i = argv.length;
    else names.push(argv[i]);
  }
  return { target, names };
}

async function main() {
  const all = Object.keys(scenarios);
  const { target, names } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !all.includes(n));
  if (!target || unknown.length) {
    if (unknown.length) process.stderr.write(`unknown scenario(s): ${unknown.join(' ')}\n`);
    process.stderr.write(`usage: node peer.js --target HOST:PORT [scenario ...]\nscenarios: ${all.join(' ')}\n`);
    process.exit(2);
  }
  let allOk = true;
  for (const name of names.length ? names : all) {
    const [ok, detail] = await runOne(target, name);
    allOk = allOk && ok;
    // On Linux, writes to pipes and files are synchronous, so nothing is lost by process.exit below.
    process.stdout.write(`${JSON.stringify({ peer: PEER, scenario: name, ok, detail })}\n`);
  }
  process.exit(allOk ? 0 : 1);
}

main();
