// Many real SignalR clients in one node process, for the load generator and the crash checker:
//   node swarm.mjs http://127.0.0.1:5080[,http://127.0.0.1:5081…] --displays jc-civic:40,jc-donghu:10 --phones 4950 --ramp 400
// With several servers (a cluster's nodes), each new client connects to the next one in turn.
// Displays join their hall; phones wait idle until told (on stdin) to watch a ticket. Every client
// reconnects forever and resynchronises (JoinHall / WatchTicket again) after each reconnect.
// stdin lines:  watch <ticketId> <token> | report | status <sinceMs> | quit
// stdout lines (JSON): {kind:"ready",open,failed,ms} {kind:"status",...} {kind:"report",...}
// Times are wall-clock milliseconds with sub-millisecond precision (performance.timeOrigin + now()).
import * as signalR from '@microsoft/signalr';
import readline from 'node:readline';

const args = process.argv.slice(2);
const bases = args[0].split(',');
const opt = (name, dflt) => { const i = args.indexOf('--' + name); return i > 0 ? args[i + 1] : dflt; };
const displaySpec = opt('displays', '').split(',').filter(Boolean).map(s => { const [hall, n] = s.split(':'); return { hall, n: Number(n) }; });
const phoneCount = Number(opt('phones', '0'));
const ramp = Number(opt('ramp', '400'));
const now = () => performance.timeOrigin + performance.now();
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

const clients = [];
const called = new Map();     // ticketId -> { d: [display receive times], p: [phone receive times] }
const counts = { TicketCalled: 0, BoardChanged: 0, TicketUpdated: 0 };
let reconnects = 0, resyncs = 0, resyncErrors = 0, watchErrors = 0;
let nextPhone = 0;
let clientErrors = 0;

// The SignalR client can reject an internal promise of its own (a handshake cancelled by a stop during a
// reconnect under load): count it and go on, the client reconnects; one such error must not end the whole swarm.
process.on('unhandledRejection', () => { clientErrors++; });

function record(ticketId, role) {
  let c = called.get(ticketId);
  if (!c) { c = { d: [], p: [] }; called.set(ticketId, c); }
  c[role].push(now());
}

function makeClient(role, hall) {
  // up: connected and resynchronised since the connection was last lost (lostAt).
  const c = { role, hall, watches: [], conn: null, resyncedAt: 0, lostAt: 0, up: false, lastError: '' };
  c.conn = new signalR.HubConnectionBuilder()
    .withUrl(bases[clients.length % bases.length] + '/hubs/hall', { transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 300 + Math.random() * 400 })
    .configureLogging(signalR.LogLevel.None)
    .build();
  // The server's timeout stays at SignalR's default (30 s, twice the server's 15 s keep-alive): a shorter one made
  // clients on a starved but healthy node give up on it and reconnect, which is not what a kill test measures.
  c.conn.on('TicketCalled', (m) => { counts.TicketCalled++; if (!m.isRecall) record(m.ticketId, role === 'display' ? 'd' : 'p'); });
  c.conn.on('BoardChanged', () => { counts.BoardChanged++; });
  c.conn.on('TicketUpdated', () => { counts.TicketUpdated++; });
  c.conn.onreconnecting(() => { c.up = false; c.lostAt = now(); reconnects++; });
  c.conn.onreconnected(() => { resync(c); });
  c.conn.onclose(() => { c.up = false; c.lostAt = now(); setTimeout(() => startClient(c), 500); });
  return c;
}

async function resync(c) {
  try {
    if (c.role === 'display') await c.conn.invoke('JoinHall', c.hall);
    for (const [id, token] of c.watches) await c.conn.invoke('WatchTicket', id, token);
    c.up = true; c.resyncedAt = now(); resyncs++;
  } catch (e) { resyncErrors++; c.lastError = String(e?.message ?? e).slice(0, 200); setTimeout(() => resync(c), 500); }
}

async function startClient(c) {
  for (;;) {
    try { await c.conn.start(); break; } catch { await new Promise(r => setTimeout(r, 300 + Math.random() * 400)); }
  }
  await resync(c);
}

async function openAll() {
  const t0 = now();
  for (const { hall, n } of displaySpec) for (let i = 0; i < n; i++) clients.push(makeClient('display', hall));
  for (let i = 0; i < phoneCount; i++) clients.push(makeClient('phone', null));
  const gap = 1000 / ramp;
  const starts = [];
  for (let i = 0; i < clients.length; i++) {
    starts.push(startClient(clients[i]));
    if (i % 20 === 19) await new Promise(r => setTimeout(r, gap * 20));
  }
  await Promise.all(starts);
  out({ kind: 'ready', open: clients.filter(c => c.up).length, total: clients.length, ms: now() - t0 });
}

async function watch(id, token) {
  const phones = clients.filter(c => c.role === 'phone');
  if (phones.length === 0) return;
  const c = phones[nextPhone++ % phones.length];
  // A phone follows its own ticket or a few of a family, not hundreds: after a reconnect it watches again only the
  // latest ones (the server dropped the old connection's groups anyway).
  c.watches.push([id, token]);
  if (c.watches.length > 3) c.watches.shift();
  try { await c.conn.invoke('WatchTicket', id, token); } catch { watchErrors++; }
}

function percentileless(map) {
  const o = {};
  for (const [k, v] of map) o[k] = v;
  return o;
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const [cmd, a, b] = line.trim().split(' ');
  if (cmd === 'watch') watch(a, b);
  else if (cmd === 'status') {
    const since = Number(a);
    const up = clients.filter(c => c.up).length;
    // Of the clients that lost their connection since then, how many are back and resynchronised.
    const lost = clients.filter(c => c.lostAt >= since);
    const resynced = lost.filter(c => c.up && c.resyncedAt >= c.lostAt).length;
    const t = now();
    const stuck = clients.filter(c => !c.up).slice(0, 5)
      .map(c => `${c.role}${c.hall ? ' ' + c.hall : ''}: ${c.conn.state}, lost ${((t - c.lostAt) / 1000).toFixed(1)} s ago, last error: ${c.lastError || 'none'}`);
    out({ kind: 'status', total: clients.length, up, lost: lost.length, resynced, reconnects, resyncs, resyncErrors, clientErrors, stuck });
  } else if (cmd === 'report') {
    out({ kind: 'report', at: now(), counts, reconnects, resyncs, resyncErrors, watchErrors, clientErrors, total: clients.length,
      up: clients.filter(c => c.up).length, called: percentileless(called) });
  } else if (cmd === 'quit') {
    Promise.allSettled(clients.map(c => c.conn.stop())).then(() => process.exit(0));
  }
});
rl.on('close', () => process.exit(0));
openAll();
